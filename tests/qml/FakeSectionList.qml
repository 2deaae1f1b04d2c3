import QtQuick

// Stands in for hearth::SectionListModel: same roles and status/emptyText/errorText/canLoadMore.
ListModel {
    property int status: 3          // Loading 0, Empty 1, Error 2, Content 3
    property string emptyText: "Nothing recorded"
    property string errorText: ""
    property bool canLoadMore: false

    function fill(rows) {
        clear();
        for (let i = 0; i < rows.length; ++i) {
            const r = rows[i];
            append({ resourceId: r.resourceId || "", title: r.title || "", detail: r.detail || "",
                     secondary: r.secondary || "", dateText: r.dateText || "", flag: r.flag || "",
                     flagText: r.flagText || "", group: r.group || "", supported: r.supported !== false,
                     accessibleText: r.accessibleText || "" });
        }
        status = rows.length > 0 ? 3 : 1;
    }
}
