import QtQuick
import QtTest
import Hearth

// The prescriptions pages with a fake view-model: choose → review → send (once, however it is
// pressed), refused requests with the server's words and "Try again", a request's timeline, phone
// and wide layouts, keyboard, and text at 200% without clipping.
TestCase {
    id: tc
    name: "Prescriptions"
    when: windowShown

    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: prescriptionsComponent; FakePrescriptions { } }
    Component { id: reviewComponent; OrderReview { width: 390; height: 800 } }

    function cleanup() {
        Theme.textScale = 1.0;
        Theme.dark = false;
    }

    function makeWindow(w, h) {
        const rx = createTemporaryObject(prescriptionsComponent, tc);
        rx.fillSample();
        const controller = createTemporaryObject(controllerComponent, tc, { prescriptions: rx });
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: w || 390, height: h || 844 });
        verify(win);
        waitForRendering(win.contentItem);
        return { win: win, rx: rx };
    }

    function find(root, name) {
        const item = findChild(root, name);
        verify(item, "no item named " + name);
        return item;
    }

    function page(win) { return find(win.contentItem, "prescriptionsPage") }

    // Scrolls `item` into its page's view (as Tab would), then clicks it like a finger would.
    // With `twice`, the second tap lands on the same spot of the window, whatever is there by then
    // (the page may have moved on, as it does for a real double tap).
    function tap(scroll, item, twice) {
        scroll.reveal(item);
        waitForRendering(item);
        const root = item.Window.contentItem;
        const p = item.mapToItem(root, item.width / 2, item.height / 2);
        mouseClick(root, p.x, p.y);
        if (twice)
            mouseClick(root, p.x, p.y);
    }

    // Choose two medicines on the order page, then continue to the review.
    function chooseAndReview(t) {
        verify(t.win.showPage("prescriptions:order"));
        waitForRendering(t.win.contentItem);
        const p = page(t.win);
        const choose = find(p, "orderChoosePage");
        const metformin = find(choose, "choose_mr-metformin");
        compare(testHelper.accessibleName(metformin), "Metformin 500mg tablets. One tablet twice a day. Quantity: 56 tablets");
        mouseClick(metformin);
        verify(t.rx.order.isSelected("mr-metformin"));
        verify(metformin.checked);
        mouseClick(find(choose, "choose_mr-amlodipine"));
        compare(t.rx.order.selectedCount, 2);
        tap(choose, find(choose, "continueButton"));
        waitForRendering(t.win.contentItem);
        compare(p.view, "review");
        return find(p, "orderReviewPage");
    }

    function test_not_orderable_repeat_has_no_checkbox_and_says_why() {
        const t = makeWindow();
        verify(t.win.showPage("prescriptions:order"));
        waitForRendering(t.win.contentItem);
        const choose = find(page(t.win), "orderChoosePage");
        verify(!find(choose, "choose_mr-sumatriptan").visible);
        const row = find(choose, "notOrderable_mr-sumatriptan");
        verify(row.visible);
        verify(testHelper.accessibleName(row).indexOf("order this one by contacting them") >= 0);
        verify(!t.rx.order.setSelected("mr-sumatriptan", true));
        verify(!find(choose, "continueButton").enabled);
    }

    function test_two_quick_clicks_on_send_make_one_request() {
        const t = makeWindow();
        const review = chooseAndReview(t);
        const send = find(review, "sendRequestButton");
        verify(send.enabled);
        tap(review, send, true);
        compare(t.rx.order.submitCalls, 1);
        waitForRendering(t.win.contentItem);
        compare(page(t.win).view, "confirmation");
        compare(find(page(t.win), "resultTitle").text, "Sending your request…");
    }

    function test_enter_pressed_twice_on_send_makes_one_request() {
        const t = makeWindow();
        const review = chooseAndReview(t);
        const send = find(review, "sendRequestButton");
        send.forceActiveFocus();
        keyClick(Qt.Key_Return);
        keyClick(Qt.Key_Return);
        keyClick(Qt.Key_Enter);
        compare(t.rx.order.submitCalls, 1);
    }

    // Even if the order did not move on at once, the review page sends only once.
    function test_review_page_guards_on_its_own() {
        const rx = createTemporaryObject(prescriptionsComponent, tc);
        rx.fillSample();
        rx.order.movesOnSubmit = false;
        rx.order.setSelected("mr-metformin", true);
        const review = createTemporaryObject(reviewComponent, tc, { vm: rx });
        waitForRendering(review);
        const send = find(review, "sendRequestButton");
        send.clicked();
        send.clicked();
        send.forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(rx.order.submitCalls, 1);
        verify(!send.enabled);
        // A failed send taken back to editing can be sent again: once.
        rx.order.state = 3;
        rx.order.resume();
        verify(send.enabled);
        send.clicked();
        send.clicked();
        compare(rx.order.submitCalls, 2);
    }

    function test_review_shows_choices_and_change_goes_back() {
        const t = makeWindow();
        const review = chooseAndReview(t);
        verify(find(review, "nominatedPharmacyChoice").checked);
        verify(!find(review, "otherPharmacyChoice").enabled);
        verify(find(review, "otherPharmacyUnavailable").visible);
        compare(find(review, "noteCounter").text, "You have 500 characters remaining");
        const note = find(review, "noteField");
        note.forceActiveFocus();
        keyClick(Qt.Key_H);
        keyClick(Qt.Key_I);
        compare(t.rx.order.note, "hi");
        compare(find(review, "noteCounter").text, "You have 498 characters remaining");
        // Backspace while typing edits the note, it does not leave the page.
        keyClick(Qt.Key_Backspace);
        compare(t.rx.order.note, "h");
        compare(page(t.win).view, "review");
        tap(review, find(review, "changeMedicinesLink"));
        waitForRendering(t.win.contentItem);
        compare(page(t.win).view, "order");
        verify(t.win.back());   // the hub (narrow)
        compare(page(t.win).view, "hub");
    }

    function test_refused_item_shows_the_words_and_try_again_calls_retry() {
        const t = makeWindow();
        verify(t.win.showPage("prescriptions:requests"));
        waitForRendering(t.win.contentItem);
        const list = find(page(t.win), "requestsPage");
        const row = find(list, "request_c-refused");
        compare(find(row, "refusalText").text, "Your GP surgery's system said: “This medicine needs a review first”");
        compare(find(row, "statusChip").text, "Not sent — try again");
        const retry = find(list, "retry_c-refused");
        verify(retry.visible);
        compare(testHelper.accessibleName(retry), "Try again: Metformin 500mg tablets");
        verify(!find(list, "retry_task-1").visible);
        tap(list, retry);
        compare(t.rx.retried, ["c-refused"]);
        // The same from the request's own page.
        tap(list, row);
        waitForRendering(t.win.contentItem);
        const detail = find(page(t.win), "requestDetailPage");
        verify(find(detail, "refusalPanel").visible);
        tap(detail, find(detail, "detailRetryButton"));
        compare(t.rx.retried, ["c-refused", "c-refused"]);
    }

    function test_request_timeline_by_show_page() {
        const t = makeWindow();
        verify(t.win.showPage("prescriptions:request:task-1"));
        waitForRendering(t.win.contentItem);
        const detail = find(page(t.win), "requestDetailPage");
        compare(t.rx.openedKeys[t.rx.openedKeys.length - 1], "task-1");
        compare(find(detail, "requestTitle").text, "Amlodipine 5mg tablets");
        compare(find(detail, "requestStatus").text, "Ready to collect");
        compare(find(detail, "timelineRepeater").count, 6);
        // Back goes to the list, then the hub, then nowhere inside the page.
        verify(t.win.back());
        compare(page(t.win).view, "requests");
        verify(t.win.back());
        compare(page(t.win).view, "hub");
        verify(!page(t.win).back());
    }

    function test_wide_has_the_hub_beside_the_chosen_part() {
        const t = makeWindow(1280, 800);
        verify(t.win.showPage("prescriptions"));
        waitForRendering(t.win.contentItem);
        const p = page(t.win);
        verify(find(p, "prescriptionsSidebar").visible);
        compare(p.view, "requests");
        mouseClick(find(find(p, "prescriptionsSidebar"), "medicinesLink"));
        waitForRendering(t.win.contentItem);
        compare(p.view, "medicines");
        verify(find(p, "medicinesPage").visible);
        mouseClick(find(find(p, "prescriptionsSidebar"), "orderRepeatButton"));
        compare(p.view, "order");
    }

    function test_show_page_names() {
        const t = makeWindow();
        for (const name of ["order", "requests", "medicines"]) {
            verify(t.win.showPage("prescriptions:" + name), name);
            compare(page(t.win).view, name);
        }
        // Review with nothing chosen picks a sample to show.
        verify(t.win.showPage("prescriptions:review"));
        compare(page(t.win).view, "review");
        compare(t.rx.order.selectedCount, 2);
        verify(!t.win.showPage("prescriptions:nothing"));
    }

    function isText(item) {
        return item.wrapMode !== undefined && item.lineCount !== undefined && item.elide !== undefined
                && item.textFormat !== undefined;
    }

    function clipped(item, where, out) {
        if (!item.visible || item.opacity === 0)
            return;
        if (isText(item) && String(item.text).length > 0 && item.width > 0) {
            const wraps = item.wrapMode !== Text.NoWrap;
            const fits = wraps ? item.contentWidth <= item.width + 1 : item.implicitWidth <= item.width + 1;
            const left = item.mapToItem(null, 0, 0).x;
            const right = left + Math.min(item.width, wraps ? item.contentWidth : item.implicitWidth);
            if (!fits || item.truncated === true || left < -1 || right > item.Window.width + 1)
                out.push(where + ": \"" + String(item.text).substring(0, 40) + "\"");
        }
        for (let i = 0; i < item.children.length; ++i)
            clipped(item.children[i], where, out);
    }

    function test_text_at_200_percent_is_not_clipped_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }];
    }

    function test_text_at_200_percent_is_not_clipped(data) {
        // Set before the window is made, as the app does at start.
        Theme.textScale = 2.0;
        Theme.dark = data.dark;
        const t = makeWindow(360, 740);
        const problems = [];
        for (const name of ["prescriptions", "prescriptions:order", "prescriptions:review", "prescriptions:requests",
                            "prescriptions:request:task-1", "prescriptions:medicines"]) {
            verify(t.win.showPage(name), name);
            waitForRendering(t.win.contentItem);
            clipped(page(t.win), name, problems);
        }
        compare(problems.length, 0, problems.join("\n"));
    }
}
