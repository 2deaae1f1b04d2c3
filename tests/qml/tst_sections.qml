import QtQuick
import QtTest
import Hearth

// Each record section's four states, and flags shown in words.
// TestCase itself is invisible, so the cards are created in a visible host item.
Item {
    id: host
    width: 400
    height: 800

TestCase {
    id: tc
    name: "Sections"
    when: windowShown

    Component { id: sectionComponent; SectionCard { width: 380 } }
    Component { id: modelComponent; FakeSection { } }

    function find(root, name) { return findChild(root, name) }

    function make(status) {
        const model = createTemporaryObject(modelComponent, tc, { emptyText: "No allergies recorded" });
        model.status = status;
        const card = createTemporaryObject(sectionComponent, host, { title: "Allergies", model: model });
        verify(card);
        return { card: card, model: model };
    }

    function test_loading() {
        const s = make(0);
        verify(find(s.card, "loadingState").visible);
        verify(!find(s.card, "emptyState").visible);
        verify(!find(s.card, "errorState").visible);
        verify(!find(s.card, "contentState").visible);
    }

    function test_empty() {
        const s = make(1);
        const empty = find(s.card, "emptyState");
        verify(empty.visible);
        compare(empty.text, "No allergies recorded");
        verify(!find(s.card, "loadingState").visible);
        verify(!find(s.card, "errorState").visible);
    }

    function test_error_with_try_again() {
        const s = make(2);
        s.model.errorText = "We could not open the record saved on this device.";
        verify(find(s.card, "errorState").visible);
        compare(find(s.card, "errorText").text, "We could not open the record saved on this device.");
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'retryRequested' }", tc);
        spy.target = s.card;
        const button = find(s.card, "retryButton");
        verify(button.visible);
        mouseClick(button);
        compare(spy.count, 1);
        verify(!find(s.card, "emptyState").visible);
    }

    function test_content_and_flags_in_words() {
        const s = make(3);
        s.model.fill([
            { title: "Potassium", detail: "5.9 mmol/L", flag: "high", flagText: "Higher than normal" },
            { title: "Haemoglobin", detail: "110 g/L", flag: "low", flagText: "Lower than normal" },
            { title: "Blood pressure", detail: "128/82 mmHg" }
        ]);
        const content = find(s.card, "contentState");
        verify(content.visible);
        verify(!find(s.card, "emptyState").visible);
        waitForRendering(s.card);
        const flags = [];
        const titles = [];
        for (let i = 0; i < content.children.length; ++i) {
            const row = content.children[i];
            if (row.title === undefined)
                continue;
            titles.push(row.title);
            const flag = findChild(row, "rowFlag");
            flags.push(flag.visible ? flag.text : "");
        }
        compare(titles, ["Potassium", "Haemoglobin", "Blood pressure"]);
        compare(flags, ["Higher than normal", "Lower than normal", ""]);
    }

    function test_loading_keeps_rows_on_screen() {
        const s = make(3);
        s.model.fill([{ title: "Asthma", flag: "active", flagText: "Active" }]);
        s.model.status = 0;
        verify(find(s.card, "contentState").visible);
        verify(!find(s.card, "loadingState").visible);
    }

    function test_no_model_is_loading_not_a_crash() {
        const card = createTemporaryObject(sectionComponent, host, { title: "Medicines" });
        verify(find(card, "loadingState").visible);
    }
}
}
