import QtQuick
import QtTest
import Hearth

// Sync state in the UI: entry counts on the syncing page, per-section "Updated …" lines, and the
// list of update problems under More → Updates.
TestCase {
    id: tc
    name: "SyncState"
    when: windowShown

    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: recordComponent; FakeRecord { } }

    function makeWindow(props, page) {
        const record = createTemporaryObject(recordComponent, tc);
        record.fillSample();
        const controller = createTemporaryObject(controllerComponent, tc, { record: record });
        for (const k in props)
            controller[k] = props[k];
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: 390, height: 844 });
        verify(win);
        verify(win.showPage(page));
        waitForRendering(win.contentItem);
        return win;
    }

    function find(root, name) {
        const item = findChild(root, name);
        verify(item, "no item named " + name);
        return item;
    }

    function test_syncing_page_shows_counts() {
        const win = makeWindow({ state: 3, hasRecord: false }, "syncing");
        const count = find(win.contentItem, "syncCount");
        verify(count.visible);
        compare(count.text, "1,250 of 2,052 entries");
        const bar = find(win.contentItem, "syncProgress");
        verify(bar.Accessible.description.indexOf("1,250 of 2,052 entries") >= 0, bar.Accessible.description);
    }

    function test_syncing_page_hides_counts_without_a_total() {
        const win = makeWindow({ state: 3, hasRecord: false, syncCountText: "" }, "syncing");
        verify(!find(win.contentItem, "syncCount").visible);
        verify(find(win.contentItem, "syncProgress").visible);
    }

    function test_sections_show_when_they_were_updated() {
        const win = makeWindow({}, "record:summary");
        const expected = { allergiesSection: "Updated 10 minutes ago", resultsSection: "Updated on 3 May at 08:14" };
        for (const name in expected) {
            const line = find(find(win.contentItem, name), "updatedText");
            verify(line.visible, name);
            compare(line.text, expected[name]);
        }
    }

    function test_section_never_updated_shows_no_line() {
        const win = makeWindow({ sectionUpdated: { allergies: "Updated just now" } }, "record:summary");
        verify(find(find(win.contentItem, "allergiesSection"), "updatedText").visible);
        const results = find(find(win.contentItem, "resultsSection"), "updatedText");
        verify(!results.visible);
        compare(results.text, "");
    }

    function test_section_line_follows_the_controller() {
        const win = makeWindow({}, "record:summary");
        win.controller.sectionUpdated = { medicines: "Updated 11 minutes ago" };
        compare(find(find(win.contentItem, "medicinesSection"), "updatedText").text, "Updated 11 minutes ago");
    }

    function test_updates_empty() {
        const win = makeWindow({}, "more");
        const empty = find(win.contentItem, "updatesEmpty");
        verify(empty.visible);
        compare(empty.text, "All parts of your record are up to date.");
        compare(findChild(win.contentItem, "updateProblem"), null);
    }

    function test_updates_offline_does_not_claim_up_to_date() {
        const win = makeWindow({ offline: true }, "more");
        const empty = find(win.contentItem, "updatesEmpty");
        verify(empty.visible);
        verify(empty.text.indexOf("offline") >= 0, empty.text);
    }

    function test_updates_lists_problems() {
        const win = makeWindow({}, "more");
        const detail = "Could not be updated on 3 May at 08:14 — the service was busy. Hearth will try again.";
        win.controller.updateProblems.append({ title: "Test results", detail: detail,
                                               accessibleText: "Test results: " + detail });
        win.controller.updateProblems.append({ title: "Medicines", detail: "Could not be updated last time — there was no connection. Hearth will try again.",
                                               accessibleText: "Medicines: could not be updated" });
        waitForRendering(win.contentItem);
        verify(!find(win.contentItem, "updatesEmpty").visible);
        const row = find(win.contentItem, "updateProblem");
        verify(row.visible);
        compare(find(row, "problemTitle").text, "Test results");
        compare(find(row, "problemDetail").text, detail);
        compare(testHelper.accessibleName(row), "Test results: " + detail);
        const card = find(win.contentItem, "updatesCard");
        let rows = 0;
        for (let i = 0; i < card.children[0].children.length; ++i)
            if (card.children[0].children[i].objectName === "updateProblem")
                ++rows;
        compare(rows, 2);
    }

    // Screenshots of the new states (only when HEARTH_SCREENSHOT_DIR is set).
    function test_screenshots_data() {
        return [
            { tag: "sync-syncing-390", page: "syncing", w: 390, h: 844 },
            { tag: "sync-record-390", page: "record", w: 390, h: 844 },
            { tag: "sync-more-390", page: "more", w: 390, h: 844, problems: true },
            { tag: "sync-more-1280", page: "more", w: 1280, h: 800, problems: true },
            { tag: "sync-record-1280", page: "record", w: 1280, h: 800 },
        ];
    }

    function test_screenshots(data) {
        const win = makeWindow({ state: data.page === "syncing" ? 3 : 4, hasRecord: data.page !== "syncing" }, data.page);
        win.width = data.w;
        win.height = data.h;
        if (data.problems) {
            win.controller.updateProblems.append({ title: "Test results",
                detail: "Could not be updated on 3 May at 08:14 — the service was busy. Hearth will try again.",
                accessibleText: "Test results" });
            win.controller.updateProblems.append({ title: "Vaccinations",
                detail: "Could not be updated on 3 May at 08:14 — you need to sign in again. Your saved record is still shown.",
                accessibleText: "Vaccinations" });
            const page = findChild(win.contentItem, "morePage");
            waitForRendering(win.contentItem);
            page.contentY = Math.max(0, page.contentHeight - page.height);
        }
        waitForRendering(win.contentItem);
        wait(50);
        const dir = testHelper.screenshotDir;
        if (dir.length > 0)
            verify(testHelper.saveWindow(win, dir + "/" + data.tag + ".png"));
    }
}
