import QtQuick

// Stands in for hearth::ResultsDetailModel.
ListModel {
    property int status: 3
    property string errorText: ""
    property string title: "Full blood count"
    property string dateText: "3 May 2024 at 08:14"
    property string statusText: "Final"
    property string issuedText: ""
    property string conclusion: "White cell count slightly raised - no action needed."
    property string performer: "Riverside Pathology"
    property string missingText: ""

    function fill(rows) {
        clear();
        for (let i = 0; i < rows.length; ++i) {
            const r = rows[i];
            append({ observationId: r.observationId, title: r.title, valueText: r.valueText, unit: "",
                     rangeText: r.rangeText || "", flag: r.flag || "", flagText: r.flagText || "", colourRole: "",
                     dateText: "3 May 2024", timeText: "", statusCode: "final", statusText: "Final",
                     canTrend: r.canTrend !== false, unsupported: r.unsupported === true,
                     unsupportedText: r.unsupportedText || "", note: "", accessibleText: r.title + ", " + r.valueText });
        }
        status = rows.length > 0 ? 3 : 1;
    }
}
