import QtQuick
import QtTest
import Hearth

// The whole window with a fake controller: page selection, banners, navigation, accessibility.
TestCase {
    id: tc
    name: "Main"
    when: windowShown

    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: recordComponent; FakeRecord { } }

    function makeWindow(props, w, h) {
        const record = createTemporaryObject(recordComponent, tc);
        record.fillSample();
        const controller = createTemporaryObject(controllerComponent, tc, { record: record });
        for (const k in props)
            controller[k] = props[k];
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: w || 390, height: h || 844 });
        verify(win);
        waitForRendering(win.contentItem);
        return win;
    }

    function find(win, name) {
        const item = findChild(win.contentItem, name);
        verify(item, "no item named " + name);
        return item;
    }

    function test_window_contract() {
        const win = makeWindow({});
        compare(win.objectName, "mainWindow");
        compare(win.title, "Hearth");
        compare(win.pageNames, ["signin", "syncing", "home", "record", "prescriptions", "messages", "more"]);
        verify(typeof win.showPage === "function");
    }

    // The app loads exactly this URL after addImportPath("qrc:/").
    function test_main_is_at_the_app_url() {
        const component = Qt.createComponent("qrc:/Hearth/Main.qml");
        compare(component.status, Component.Ready, component.errorString());
        const win = createTemporaryObject(component, tc, { controller: null });
        verify(win);
        compare(win.currentPageName, "signin");
    }

    function test_show_every_page() {
        const win = makeWindow({ state: 1, hasRecord: false });
        for (let i = 0; i < win.pageNames.length; ++i) {
            const name = win.pageNames[i];
            verify(win.showPage(name));
            compare(win.currentPageName, name);
            const page = find(win, name + "Page");
            tryVerify(() => page.visible, 1000, name + " page is not visible");
        }
        verify(!win.showPage("nowhere"));
    }

    function test_pages_cope_with_no_controller() {
        const win = createTemporaryObject(mainComponent, tc, { controller: null });
        for (let i = 0; i < win.pageNames.length; ++i)
            verify(win.showPage(win.pageNames[i]));
        waitForRendering(win.contentItem);
        compare(win.currentPageName, "more");
    }

    function test_page_follows_state() {
        const win = makeWindow({ state: 1, hasRecord: false });
        compare(win.currentPageName, "signin");
        win.controller.state = 2;
        compare(win.currentPageName, "signin");
        win.controller.state = 3;
        compare(win.currentPageName, "syncing");
        win.controller.hasRecord = true;
        compare(win.currentPageName, "home");
        win.controller.state = 4;
        compare(win.currentPageName, "home");
        win.controller.hasRecord = false;
        win.controller.state = 5;
        compare(win.currentPageName, "signin");
        win.controller.state = 0;
        compare(win.currentPageName, "syncing");
    }

    function test_syncing_page_shows_progress_and_step() {
        const win = makeWindow({ state: 3, hasRecord: false, syncProgress: 0.4, syncStep: "Downloading your medicines" });
        const bar = find(win, "syncProgress");
        compare(bar.value, 0.4);
        compare(find(win, "syncStep").text, "Downloading your medicines");
        win.controller.syncProgress = 0.9;
        compare(bar.value, 0.9);
    }

    function test_sign_in_button() {
        const win = makeWindow({ state: 1, hasRecord: false });
        const button = find(win, "signInButton");
        mouseClick(button);
        compare(win.controller.signInCalls, 1);
        win.controller.state = 2;
        verify(!button.enabled);
    }

    function test_greeting_uses_first_name() {
        const win = makeWindow({});
        verify(/^Good (morning|afternoon|evening), Sarah$/.test(find(win, "greeting").text),
               find(win, "greeting").text);
        compare(find(win, "syncLine").text, "Updated 10 minutes ago");
        win.controller.record.firstName = "";
        verify(/^Good (morning|afternoon|evening)$/.test(find(win, "greeting").text));
    }

    function test_offline_banner() {
        const win = makeWindow({ offline: false });
        const banner = find(win, "offlineBanner");
        verify(!banner.visible);
        win.controller.lastSavedText = "3 May, 08:14";
        win.controller.offline = true;
        verify(banner.visible);
        compare(banner.title + " " + banner.message, "You're offline Showing your record as saved on 3 May, 08:14.");
        compare(findChild(banner, "bannerMessage").text, "Showing your record as saved on 3 May, 08:14.");
    }

    function test_error_banner_try_again() {
        const win = makeWindow({ state: 5, hasRecord: true, errorText: "We could not reach your GP surgery." });
        const banner = find(win, "errorBanner");
        verify(banner.visible);
        compare(banner.message, "We could not reach your GP surgery.");
        const buttons = [];
        collectInteractive(banner, buttons);
        compare(buttons.length, 1);
        mouseClick(buttons[0]);
        compare(win.controller.retryCalls, 1);
        win.controller.state = 4;
        verify(!banner.visible);
    }

    function test_record_page_shows_sections_and_identity() {
        const win = makeWindow({});
        win.showPage("record");
        waitForRendering(win.contentItem);
        compare(find(win, "patientName").text, "Sarah Jones");
        compare(find(win, "nhsNumber").text, "NHS number: 943 476 5919");
        for (const s of ["allergiesSection", "medicinesSection", "problemsSection", "immunisationsSection", "resultsSection"])
            verify(find(win, s).visible, s);
        win.controller.record.results.clear();
        win.controller.record.results.status = 1;
        verify(findChild(find(win, "resultsSection"), "emptyState").visible);
        compare(findChild(find(win, "resultsSection"), "emptyState").text, "No test results yet");
        win.controller.record.allergies.status = 2;
        mouseClick(findChild(find(win, "allergiesSection"), "retryButton"));
        compare(win.controller.record.reloads, 1);
    }

    function test_narrow_and_wide_navigation() {
        const win = makeWindow({}, 390, 844);
        verify(find(win, "bottomNav").visible);
        verify(!find(win, "sideNav").visible);
        win.width = 1280;
        win.height = 800;
        waitForRendering(win.contentItem);
        verify(win.wide);
        verify(find(win, "sideNav").visible);
        verify(!find(win, "bottomNav").visible);
        const side = find(win, "sideNav");
        verify(side.width >= 200 && side.width < 400, "sidebar width " + side.width);
        verify(find(win, "homePage").mapToItem(win.contentItem, 0, 0).x >= side.width);
    }

    function test_navigation_and_back() {
        const win = makeWindow({});
        compare(win.currentPageName, "home");
        mouseClick(find(win, "recordCard"));
        compare(win.currentPageName, "record");
        const back = find(win, "backButton");
        verify(back.visible);
        mouseClick(findChild(find(win, "bottomNav"), "nav_messages"));
        compare(win.currentPageName, "messages");
        mouseClick(back);
        compare(win.currentPageName, "record");
        mouseClick(back);
        compare(win.currentPageName, "home");
        verify(!back.visible);
        verify(!win.back());
    }

    function test_more_page_sign_out_and_version() {
        const win = makeWindow({});
        win.showPage("more");
        waitForRendering(win.contentItem);
        compare(find(win, "versionText").text, "Version 0.1.0");
        mouseClick(find(win, "signOutButton"));
        compare(win.controller.signOutCalls, 1);
    }

    function test_text_scales() {
        const win = makeWindow({});
        const greeting = find(win, "greeting");
        const before = greeting.font.pixelSize;
        Theme.textScale = 1.5;
        verify(greeting.font.pixelSize > before * 1.4);
        Theme.textScale = 1.0;
        compare(greeting.font.pixelSize, before);
    }

    // Buttons and delegates: anything that can be clicked and take focus.
    function isInteractive(item) {
        return typeof item.clicked === "function" && item.focusPolicy !== undefined;
    }

    function collectInteractive(item, out) {
        if (!item.visible)
            return;
        if (isInteractive(item))
            out.push(item);
        for (let i = 0; i < item.children.length; ++i)
            collectInteractive(item.children[i], out);
    }

    function test_every_visible_control_has_an_accessible_name_data() {
        const rows = [];
        for (const name of ["signin", "syncing", "home", "record", "prescriptions", "messages", "more"]) {
            // The syncing page has nothing to press; sign-in has one button.
            const min = name === "syncing" ? 0 : name === "signin" ? 1 : 2;
            rows.push({ tag: name + "-narrow", page: name, w: 390, h: 844, min: min });
            rows.push({ tag: name + "-wide", page: name, w: 1280, h: 800, min: min });
        }
        return rows;
    }

    function test_every_visible_control_has_an_accessible_name(data) {
        const win = makeWindow({ state: 5, offline: true, errorText: "We could not reach your GP surgery." }, data.w, data.h);
        win.showPage(data.page);
        if (data.page === "record")
            win.controller.record.allergies.status = 2;    // show a "Try again" button as well
        waitForRendering(win.contentItem);
        const controls = [];
        collectInteractive(win.contentItem, controls);
        verify(controls.length >= data.min, "found only " + controls.length + " controls");
        for (const c of controls) {
            const label = testHelper.accessibleName(c);
            verify(label.length > 0, "unnamed control " + c + " text=" + c.text);
            verify(c.height >= 44, "touch target too small: " + label + " " + c.height);
        }
    }
}
