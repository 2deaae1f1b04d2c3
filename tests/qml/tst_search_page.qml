import QtQuick
import QtTest
import Hearth

// SearchPage with a fake model: typing sets the query, results are grouped by section with
// counts, choosing a result asks to open that entry, and the empty/no-results/error states.
Item {
    id: host
    width: 390
    height: 844

TestCase {
    id: tc
    name: "SearchPage"
    when: windowShown

    Component { id: pageComponent; SearchPage { anchors.fill: parent } }
    Component { id: modelComponent; FakeSearch { } }

    readonly property var sampleRows: [
        { section: "results", sectionTitle: "Test results (3)", sectionCount: 3, title: "Peak flow",
          dateText: "29 April 2024", snippetStyled: "after the <b>cough</b> settled",
          resourceType: "Observation", resourceId: "peak", accessibleText: "Peak flow, 29 April 2024." },
        { section: "consultations", sectionTitle: "Consultations and events (1)", title: "Telephone encounter",
          dateText: "29 April 2024", snippetStyled: "c/o <b>cough</b> 5/7", resourceType: "Encounter",
          resourceId: "enc1" }
    ]

    function make() {
        const model = createTemporaryObject(modelComponent, tc, { canned: sampleRows });
        const page = createTemporaryObject(pageComponent, host, { model: model });
        verify(page);
        waitForRendering(page);
        return { page: page, model: model };
    }

    function find(root, name) {
        const item = findChild(root, name);
        verify(item, "no item named " + name);
        return item;
    }

    function test_field_is_named_and_focused() {
        const s = make();
        const field = find(s.page, "searchField");
        compare(field.Accessible.name, "Search your GP record");
        s.page.focusField();
        verify(field.activeFocus);
        verify(find(s.page, "searchStatus").text.length > 0);
        verify(!find(s.page, "searchResults").visible);
    }

    function test_typing_sets_query_and_enter_searches() {
        const s = make();
        const field = find(s.page, "searchField");
        s.page.focusField();
        keyClick("c"); keyClick("o"); keyClick("u");
        compare(s.model.query, "cou");
        keyClick(Qt.Key_Return);
        compare(s.model.searchCalls, 1);
        const list = find(s.page, "searchResults");
        tryCompare(list, "visible", true);
        compare(list.count, 2);
        compare(find(s.page, "searchStatus").text, "2 results for “cou”");
    }

    function test_grouped_by_section_and_opening_a_result() {
        const s = make();
        s.model.query = "cough";
        s.model.searchNow();
        const list = find(s.page, "searchResults");
        tryCompare(list, "visible", true);
        compare(list.section.property, "sectionTitle");
        waitForRendering(list);
        // Section headings are shown with their counts.
        let headings = [];
        for (let i = 0; i < list.contentItem.children.length; ++i) {
            const child = list.contentItem.children[i];
            if (child.section !== undefined && child.level === 3 && child.text)
                headings.push(child.text);
        }
        verify(headings.indexOf("Test results (3)") >= 0, headings.join("|"));
        verify(headings.indexOf("Consultations and events (1)") >= 0, headings.join("|"));

        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'openEntry' }", tc);
        spy.target = s.page;
        const second = find(list, "searchHit1");
        compare(second.Accessible.name, "Telephone encounter");
        mouseClick(second);
        compare(spy.count, 1);
        compare(spy.signalArguments[0][0], "consultations");
        compare(spy.signalArguments[0][1], "Encounter");
        compare(spy.signalArguments[0][2], "enc1");
        const snippet = findChild(second, "snippet");
        compare(snippet.textFormat, Text.StyledText);
    }

    function test_no_results_and_error_states() {
        const s = make();
        s.model.canned = [];
        s.model.query = "zzz";
        s.model.searchNow();
        compare(find(s.page, "searchStatus").text, "No results for “zzz”");
        verify(!find(s.page, "searchResults").visible);
        s.model.status = 3;
        s.model.statusText = "Search isn't working right now.";
        compare(find(s.page, "searchStatus").text, "Search isn't working right now.");
        verify(!find(s.page, "searchResults").visible);
    }

    function test_indexing_note() {
        const s = make();
        const note = find(s.page, "indexingNote");
        verify(!note.visible);
        s.model.indexing = true;
        verify(note.visible);
    }
}
}
