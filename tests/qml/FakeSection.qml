import QtQuick

// Stands in for hearth::SummaryListModel: same roles, same status/emptyText/errorText properties.
ListModel {
    property int status: 3          // Loading 0, Empty 1, Error 2, Content 3
    property string emptyText: "Nothing recorded"
    property string errorText: ""

    function fill(rows) {
        clear();
        for (let i = 0; i < rows.length; ++i) {
            const r = rows[i];
            append({ title: r.title || "", detail: r.detail || "", dateText: r.dateText || "",
                     flag: r.flag || "", flagText: r.flagText || "", accessibleText: r.accessibleText || "" });
        }
        status = rows.length > 0 ? 3 : 1;
    }
}
