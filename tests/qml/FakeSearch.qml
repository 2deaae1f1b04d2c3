import QtQuick

// Stands in for hearth::SearchViewModel: same roles and properties; searchNow() "answers" from
// `canned` (rows) at once, and counts its calls. (clear() is ListModel's own: it drops the rows.)
ListModel {
    property string query: ""
    property int status: 0              // Idle 0, Searching 1, NoResults 2, Error 3, Content 4
    property string statusText: "Search your GP record"
    property bool indexing: false
    property var canned: []
    property int searchCalls: 0

    function fill(rows) {
        clear();
        for (let i = 0; i < rows.length; ++i) {
            const r = rows[i];
            append({ section: r.section, sectionTitle: r.sectionTitle, sectionCount: r.sectionCount || 1,
                     title: r.title, dateText: r.dateText || "", snippet: r.snippet || "",
                     snippetStyled: r.snippetStyled || "", resourceType: r.resourceType,
                     resourceId: r.resourceId, accessibleText: r.accessibleText || r.title });
        }
    }
    function searchNow() {
        searchCalls++;
        fill(canned);
        status = canned.length > 0 ? 4 : 2;
        statusText = canned.length > 0 ? canned.length + " results for “" + query + "”"
                                       : "No results for “" + query + "”";
    }
}
