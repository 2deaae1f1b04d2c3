import QtQuick
import QtTest
import Hearth

// Home's "running low" cards with a fake model: shown with their words, Order opens Prescriptions,
// Dismiss removes the card; none without the model.
Item {
    id: host
    width: 390
    height: 844

    TestCase {
        id: tc
        name: "RunningLow"
        when: windowShown

        Component { id: homeComponent; HomePage { width: 390; height: 844 } }
        Component { id: controllerComponent; FakeController { } }
        Component { id: lowComponent; FakeRunningLow { } }
        Component { id: mainComponent; Main { } }

        SignalSpy { id: openSpy; signalName: "openPage" }

        function makeHome(withModel) {
            const low = createTemporaryObject(lowComponent, tc);
            low.fillSample();
            const controller = createTemporaryObject(controllerComponent, tc);
            if (withModel)
                controller.runningLow = low;
            const home = createTemporaryObject(homeComponent, host, { controller: controller });
            verify(home);
            openSpy.clear();
            openSpy.target = home;
            waitForRendering(home);
            return { home: home, low: low };
        }

        function card(home, id) { return findChild(home, "runningLowCard_" + id); }

        function test_cards_show_each_medicine() {
            const t = makeHome(true);
            const a = card(t.home, "t-amlodipine");
            verify(a, "no card for amlodipine");
            tryVerify(() => a.visible && a.height > 0);
            compare(findChild(a, "runningLowText").text, "About 6 days of Amlodipine 5mg tablets left — order now?");
            compare(a.Accessible.name, "About 6 days of Amlodipine 5mg tablets left — order now?");
            verify(card(t.home, "t-salbutamol"));
            const order = findChild(a, "runningLowOrder");
            const dismiss = findChild(a, "runningLowDismiss");
            compare(order.text, "Order");
            compare(dismiss.text, "Dismiss");
            verify(order.Accessible.name.length > 0 && dismiss.Accessible.name.length > 0);
            verify(order.height >= 44 && dismiss.height >= 44);
        }

        function test_order_opens_prescriptions() {
            const t = makeHome(true);
            mouseClick(findChild(card(t.home, "t-salbutamol"), "runningLowOrder"));
            compare(openSpy.count, 1);
            compare(openSpy.signalArguments[0][0], "prescriptions");
            compare(t.low.dismissed.length, 0);
        }

        function test_dismiss_removes_the_card() {
            const t = makeHome(true);
            mouseClick(findChild(card(t.home, "t-amlodipine"), "runningLowDismiss"));
            compare(t.low.dismissed, ["t-amlodipine"]);
            tryVerify(() => card(t.home, "t-amlodipine") === null, 1000, "the dismissed card is still there");
            verify(card(t.home, "t-salbutamol"), "the other card went too");
            compare(openSpy.count, 0);
        }

        // Home stays calm: two cards at most, the rest behind one link to Prescriptions.
        function test_at_most_two_cards_then_a_link() {
            const t = makeHome(true);
            const more = findChild(t.home, "runningLowMore");
            verify(!more.visible);
            t.low.fillMany();
            waitForRendering(t.home);
            verify(card(t.home, "t-amlodipine").visible);
            verify(card(t.home, "t-salbutamol").visible);
            verify(!card(t.home, "t-ramipril").visible);
            verify(!card(t.home, "t-omeprazole").visible);
            tryVerify(() => more.visible);
            compare(more.title, "2 more medicines may be running low");
            mouseClick(more);
            compare(openSpy.count, 1);
            compare(openSpy.signalArguments[0][0], "prescriptions");
            // Dismissing one brings the next into view and the link says one more.
            mouseClick(findChild(card(t.home, "t-amlodipine"), "runningLowDismiss"));
            tryVerify(() => card(t.home, "t-ramipril").visible);
            compare(more.title, "1 more medicine may be running low");
        }

        function test_no_model_no_cards() {
            const t = makeHome(false);
            compare(card(t.home, "t-amlodipine"), null);
            verify(findChild(t.home, "recordCard"));
        }

        // In the whole window, Order lands on the Prescriptions page and Back returns Home.
        function test_order_in_the_window() {
            const low = createTemporaryObject(lowComponent, tc);
            low.fillSample();
            const controller = createTemporaryObject(controllerComponent, tc, { runningLow: low });
            const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: 390, height: 844 });
            waitForRendering(win.contentItem);
            compare(win.currentPageName, "home");
            const order = findChild(findChild(win.contentItem, "runningLowCard_t-amlodipine"), "runningLowOrder");
            verify(order);
            mouseClick(order);
            compare(win.currentPageName, "prescriptions");
            verify(win.back());
            compare(win.currentPageName, "home");
        }
    }
}
