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
        compare(win.pageNames, ["signin", "syncing", "home", "record", "prescriptions", "messages", "more", "search"]);
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
        compare(win.currentPageName, win.pageNames[win.pageNames.length - 1]);
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

    function bannerButton(banner) {
        const buttons = [];
        collectInteractive(banner, buttons);
        compare(buttons.length, 1);
        return buttons[0];
    }

    function test_error_banner_try_again() {
        const win = makeWindow({ state: 5, hasRecord: true, errorText: "We could not reach your GP surgery." });
        const banner = find(win, "errorBanner");
        verify(banner.visible);
        compare(banner.message, "We could not reach your GP surgery.");
        mouseClick(bannerButton(banner));
        compare(win.controller.retryCalls, 1);
        win.controller.errorText = "";
        verify(!banner.visible);
    }

    // The real controller stays Ready while a record is shown; a failed refresh only sets errorText.
    function test_error_banner_shows_in_ready_state() {
        const win = makeWindow({ state: 4, hasRecord: true, errorText: "" });
        const banner = find(win, "errorBanner");
        verify(!banner.visible);
        win.controller.errorText = "We could not reach your GP surgery.";
        compare(win.currentPageName, "home");
        verify(banner.visible);
        waitForRendering(win.contentItem);     // the banner has just appeared: let the layout place it
        const button = bannerButton(banner);
        compare(button.text, "Try again");
        compare(testHelper.accessibleName(button), "Try again");
        mouseClick(button);
        compare(win.controller.retryCalls, 1);
        compare(win.controller.signInCalls, 0);
    }

    // Offline has its own banner; an error banner on top would say the same thing twice.
    function test_error_banner_hidden_when_offline() {
        const win = makeWindow({ state: 4, offline: true, errorText: "We could not reach your GP surgery." });
        verify(find(win, "offlineBanner").visible);
        verify(!find(win, "errorBanner").visible);
        win.controller.offline = false;
        verify(find(win, "errorBanner").visible);
    }

    function test_error_banner_sign_in_again() {
        const win = makeWindow({ state: 4, needsSignIn: true, errorText: "Your sign in has expired." });
        const banner = find(win, "errorBanner");
        verify(banner.visible);
        compare(banner.title, "Please sign in again");
        const button = bannerButton(banner);
        compare(button.text, "Sign in again");
        compare(testHelper.accessibleName(button), "Sign in again");
        mouseClick(button);
        compare(win.controller.signInCalls, 1);
        compare(win.controller.retryCalls, 0);
    }

    // Failed before there is a record: the sign-in page offers "Try again", which must call retry().
    function test_sign_in_page_failed_calls_retry() {
        const win = makeWindow({ state: 3, hasRecord: false });
        win.controller.errorText = "We could not reach your GP surgery.";
        win.controller.state = 5;
        compare(win.currentPageName, "signin");
        const button = find(win, "signInButton");
        compare(button.text, "Try again");
        verify(button.enabled);
        mouseClick(button);
        compare(win.controller.retryCalls, 1);
        compare(win.controller.signInCalls, 0);
        const banner = find(win, "signInError");
        verify(banner.visible);
        compare(banner.title, "We could not get your record");
        compare(banner.message, "We could not reach your GP surgery.");
        // The banner sits in the page's ColumnLayout: its text must get a real width and room to show.
        waitForRendering(win.contentItem);
        const message = findChild(banner, "bannerMessage");
        verify(message.width > 100, "banner text width " + message.width);
        verify(banner.height >= message.y + message.height, "banner height " + banner.height);
    }

    function test_sign_in_page_error_titles() {
        // Opening the saved record failed at start.
        let win = makeWindow({ state: 0, hasRecord: false, errorText: "" });
        win.controller.errorText = "Hearth could not open the record saved on this device.";
        win.controller.state = 5;
        compare(find(win, "signInError").title, "We could not open your record");
        // Signing in failed.
        win = makeWindow({ state: 2, hasRecord: false, errorText: "" });
        win.controller.errorText = "Sign in was cancelled.";
        win.controller.state = 5;
        compare(find(win, "signInError").title, "Sign in did not work");
        // The saved sign-in was refused: the button says so, and still goes through retry().
        win = makeWindow({ state: 5, hasRecord: false, needsSignIn: true, errorText: "Your sign in has expired." });
        compare(find(win, "signInError").title, "Sign in did not work");
        const button = find(win, "signInButton");
        compare(button.text, "Sign in again");
        mouseClick(button);
        compare(win.controller.retryCalls, 1);
        compare(win.controller.signInCalls, 0);
    }

    function test_home_shows_updating_while_syncing() {
        const win = makeWindow({ state: 4, syncing: false });
        const line = find(win, "syncLine");
        const button = find(win, "syncNowButton");
        compare(line.text, "Updated 10 minutes ago");
        verify(button.visible);
        win.controller.syncing = true;
        compare(win.controller.state, 4);
        compare(line.text, "Updating your record…");
        verify(!button.visible);
        verify(find(win, "syncBusy").visible);
        win.controller.syncing = false;
        verify(button.visible);
        mouseClick(button);
        compare(win.controller.syncNowCalls, 1);
    }

    // There is no appointments page yet: the card is shown with its tag but cannot be pressed or focused.
    function test_appointments_card_goes_nowhere() {
        const win = makeWindow({});
        const card = find(win, "appointmentsCard");
        verify(card.visible);
        verify(!card.enabled);
        compare(card.badge, "Coming soon");
        mouseClick(card);
        compare(win.currentPageName, "home");
        compare(win.history.length, 0);
    }

    function test_record_page_shows_sections_and_identity() {
        const win = makeWindow({});
        verify(win.showPage("record:summary"));
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

    function openSignOutDialog(win) {
        win.showPage("more");
        waitForRendering(win.contentItem);
        const dialog = find(win, "morePage").signOutDialog;
        verify(dialog);
        verify(!dialog.visible);
        mouseClick(find(win, "signOutButton"));
        tryVerify(() => dialog.opened, 2000, "sign-out dialog did not open");
        return dialog;
    }

    // Popup contents live under the window's overlay, not under the page.
    function dialogButton(dialog, name) {
        const button = findChild(dialog.footer, name);
        verify(button, "no button " + name);
        return button;
    }

    function test_more_page_sign_out_asks_first() {
        const win = makeWindow({});
        win.showPage("more");
        compare(find(win, "versionText").text, "Version 0.1.0");
        const dialog = openSignOutDialog(win);
        compare(win.controller.signOutCalls, 0);
        compare(dialog.title, "Sign out of Hearth?");
        compare(findChild(dialog.contentItem, "signOutDialogText").text,
                "This removes your GP record from this device. You can sign in again at any time.");
        const confirm = dialogButton(dialog, "confirmSignOutButton");
        const cancel = dialogButton(dialog, "cancelSignOutButton");
        compare(confirm.text, "Sign out");
        compare(cancel.text, "Cancel");
        verify(testHelper.accessibleName(confirm).length > 0);
        verify(testHelper.accessibleName(cancel).length > 0);
        verify(confirm.height >= 44 && cancel.height >= 44);

        mouseClick(cancel);
        tryVerify(() => !dialog.visible, 2000);
        compare(win.controller.signOutCalls, 0);

        openSignOutDialog(win);
        mouseClick(confirm);
        tryVerify(() => !dialog.visible, 2000);
        compare(win.controller.signOutCalls, 1);
    }

    function test_sign_out_dialog_keyboard() {
        const win = makeWindow({});
        const dialog = openSignOutDialog(win);
        const confirm = dialogButton(dialog, "confirmSignOutButton");
        const cancel = dialogButton(dialog, "cancelSignOutButton");
        // Cancel (the safe choice) has the focus; Escape closes without signing out.
        tryVerify(() => cancel.activeFocus, 2000, "Cancel has no focus");
        keyClick(Qt.Key_Escape);
        tryVerify(() => !dialog.visible, 2000);
        compare(win.controller.signOutCalls, 0);
        compare(win.currentPageName, "more");

        openSignOutDialog(win);
        tryVerify(() => cancel.activeFocus, 2000);
        keyClick(Qt.Key_Return);
        tryVerify(() => !dialog.visible, 2000);
        compare(win.controller.signOutCalls, 0);

        openSignOutDialog(win);
        tryVerify(() => cancel.activeFocus, 2000);
        keyClick(Qt.Key_Tab);
        verify(confirm.activeFocus);
        keyClick(Qt.Key_Space);
        tryVerify(() => !dialog.visible, 2000);
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
