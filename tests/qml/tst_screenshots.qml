import QtQuick
import QtTest
import Hearth

// Renders every page at phone and desktop size. Saves PNGs only when HEARTH_SCREENSHOT_DIR is set.
TestCase {
    id: tc
    name: "Screenshots"
    when: windowShown

    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: recordComponent; FakeRecord { } }

    function test_pages_render_data() {
        const rows = [];
        for (const size of [[390, 844], [1280, 800]]) {
            for (const page of ["signin", "syncing", "home", "record", "prescriptions", "messages", "more"])
                rows.push({ tag: page + "-" + size[0], page: page, w: size[0], h: size[1], dark: false });
            rows.push({ tag: "record-dark-" + size[0], page: "record", w: size[0], h: size[1], dark: true });
            rows.push({ tag: "record-end-" + size[0], page: "record:summary", w: size[0], h: size[1], dark: false, scroll: true });
            rows.push({ tag: "more-signout-" + size[0], page: "more", w: size[0], h: size[1], dark: false, signOut: true });
            rows.push({ tag: "home-error-" + size[0], page: "home", w: size[0], h: size[1], dark: false, error: true });
            rows.push({ tag: "signin-failed-" + size[0], page: "signin", w: size[0], h: size[1], dark: false, failed: true });
        }
        return rows;
    }

    function test_pages_render(data) {
        const record = createTemporaryObject(recordComponent, tc);
        record.fillSample();
        record.immunisations.clear();
        record.immunisations.status = 1;
        const controller = createTemporaryObject(controllerComponent, tc, {
            record: record, state: data.page === "syncing" ? 3 : 4, hasRecord: data.page !== "syncing",
            offline: data.page === "home" && !data.error, lastSavedText: "3 May, 08:14" });
        if (data.error) {
            controller.needsSignIn = true;
            controller.errorText = "Your sign in has expired. Sign in again to update your record.";
        }
        if (data.failed) {
            controller.state = 5;
            controller.hasRecord = false;
            controller.errorText = "We could not reach your GP surgery. Check your internet connection.";
        }
        Theme.dark = data.dark;
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: data.w, height: data.h });
        verify(win.showPage(data.page));
        waitForRendering(win.contentItem);
        if (data.scroll) {
            const page = findChild(win.contentItem, "summarySection");
            page.contentY = Math.max(0, page.contentHeight - page.height);
            verify(page.contentY > 0);
            waitForRendering(win.contentItem);
        }
        if (data.signOut) {
            const dialog = findChild(win.contentItem, "morePage").signOutDialog;
            mouseClick(findChild(win.contentItem, "signOutButton"));
            tryVerify(() => dialog.opened, 2000);
            waitForRendering(win.contentItem);
        }
        wait(50);
        const dir = testHelper.screenshotDir;
        if (dir.length > 0)
            verify(testHelper.saveWindow(win, dir + "/" + data.tag + ".png"));
        Theme.dark = false;
    }
}
