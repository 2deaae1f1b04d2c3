import QtQuick

// Stands in for hearth::ResultsViewModel: same roles and properties; detail and trend are fakes too.
ListModel {
    id: fake
    property int status: 3          // Loading 0, Empty 1, Error 2, Content 3
    property string emptyText: "No test results recorded"
    property string errorText: ""
    property string updatedText: "Updated 5 minutes ago"
    property bool canLoadMore: false
    property var detail: null
    property var trend: null
    property var opened: []
    property int reloads: 0

    function openEntry(resourceType, id) { opened.push(resourceType + "/" + id); return true }
    function openTrend(observationId) { opened.push("trend:" + observationId); return true }
    function reload() { reloads += 1 }

    function fill(entries) {
        clear();
        for (let i = 0; i < entries.length; ++i) {
            const e = entries[i];
            append({ entryId: e.entryId, resourceType: e.resourceType || "DiagnosticReport", kind: e.kind || "report",
                     title: e.title, dateText: e.dateText || "", timeText: "", statusCode: e.statusCode || "final",
                     statusText: e.statusText || "Final", summaryText: e.summaryText || "", flag: e.flag || "",
                     flagText: e.flagText || "", colourRole: "", conclusion: "", accessibleText: e.title });
        }
        status = entries.length > 0 ? 3 : 1;
    }
}
