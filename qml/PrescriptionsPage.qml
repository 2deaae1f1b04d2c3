import QtQuick
import QtQuick.Controls.Basic

// Prescriptions: order a repeat (choose → review → send → confirmation), your requests with each
// one's timeline, your medicines. Narrow: one column, each step drilled into with a Back row.
// Wide: the prescriptions hub on the left, the chosen part beside it (like the record hub).
// open(name) shows "order", "review", "confirmation", "requests", "request" (with a key),
// "medicines" or "hub"; back() steps back inside the page first.
FocusScope {
    id: root
    property var controller: null
    property bool wide: width >= Theme.wideBreakpoint
    readonly property var vm: controller && controller.prescriptions ? controller.prescriptions : null
    readonly property var order: vm ? vm.order : null
    // What is shown: the top of the stack's name ("hub" when narrow and at the start).
    readonly property string view: stack.currentItem && stack.currentItem.viewName ? stack.currentItem.viewName : "hub"
    // Wide: the part the hub highlights.
    property string section: "requests"
    readonly property alias stack: stack

    // The flows, as stacks of views: going to one rebuilds the stack so Back walks the same way
    // whatever way the patient (or showPage) came in.
    function pathFor(name) {
        switch (name) {
        case "order": return ["order"];
        case "review": return ["order", "review"];
        case "confirmation": return ["confirmation"];
        case "requests": return ["requests"];
        case "request": return ["requests", "request"];
        case "medicines": return ["medicines"];
        case "hub": return [];
        }
        return null;
    }

    function componentFor(name) {
        switch (name) {
        case "hub": return hubComponent;
        case "order": return orderComponent;
        case "review": return reviewComponent;
        case "confirmation": return confirmationComponent;
        case "requests": return requestsComponent;
        case "request": return requestComponent;
        case "medicines": return medicinesComponent;
        }
        return null;
    }

    function open(name, key) {
        let path = pathFor(name);
        if (path === null)
            return false;
        if (name === "review" && (!root.order || !root.order.canReview))
            path = ["order"];   // nothing chosen yet: start at the choice
        // A new order starts from a clean sheet once the last one is stored.
        if (name === "order" && root.order && (root.order.state === 2 || root.order.state === 3))
            root.order.startNew();
        if (!root.wide)
            path = ["hub"].concat(path);
        else if (path.length === 0)
            path = ["requests"];
        if (path[0] !== "hub" && root.wide)
            root.section = path[0] === "order" || path[0] === "confirmation" ? "order" : path[0];
        stack.clear(StackView.Immediate);
        for (let i = 0; i < path.length; ++i) {
            const props = path[i] === "request" ? { requestKey: key || "" } : {};
            stack.push(componentFor(path[i]), props, StackView.Immediate);
        }
        if (stack.currentItem)
            stack.currentItem.forceActiveFocus();
        return true;
    }

    // One step back inside the page; false when there is nowhere left to go here.
    function back() {
        if (stack.depth <= 1)
            return false;
        const leaving = root.view;
        if (leaving === "confirmation") {
            leaveConfirmation();
            return true;
        }
        stack.pop(StackView.Immediate);
        if (stack.currentItem)
            stack.currentItem.forceActiveFocus();
        return true;
    }

    function leaveConfirmation(toRequests) {
        if (root.order && root.order.state !== 1 && root.order.state !== 3)
            root.order.startNew();
        open(toRequests ? "requests" : "hub");
    }

    // Main.showPage("prescriptions:<view>[:<key>]"), for --screenshot and tests. "review" and
    // "confirmation" with nothing chosen choose a sample (up to two medicines you can order, a
    // different pair each time); "confirmation" sends it only against the built-in demo service.
    // "request" without a key opens the newest request.
    function showView(name, key) {
        if (pathFor(name) === null)
            return false;
        if ((name === "review" || name === "confirmation") && root.order && root.order.state === 0
                && root.order.selectedCount === 0 && root.vm && root.vm.medicines) {
            const ids = [];
            for (let i = 0; i < root.vm.medicines.count; ++i) {
                const row = root.vm.medicines.get(i);
                if (row.orderable)
                    ids.push(row.templateId);
            }
            const start = ids.length > 0 ? (root.vm.requests ? root.vm.requests.count : 0) % ids.length : 0;
            for (let j = 0; j < Math.min(2, ids.length); ++j)
                root.order.setSelected(ids[(start + j) % ids.length], true);
        }
        if (name === "confirmation") {
            if (!(root.controller && root.controller.sandbox === true) || !root.order || !root.order.canSubmit)
                return open("review");
            root.order.submit();
            return open("confirmation");
        }
        if (name === "request" && (!key || key.length === 0)) {
            const requests = root.vm ? root.vm.requests : null;
            if (!requests || requests.count === 0)
                return open("requests");
            key = requests.get(0).key;
        }
        return open(name, key);
    }

    // Signed out: nothing of the last record stays on screen.
    function reset() {
        open("hub");
    }

    Keys.onPressed: event => {
        // Backspace goes back, except while typing (the note to the GP).
        const typing = root.activeFocusItem && typeof root.activeFocusItem.cursorPosition === "number";
        if (event.key === Qt.Key_Backspace && !typing && root.back())
            event.accepted = true;
    }

    Component.onCompleted: open("hub")
    onWideChanged: open(root.view === "hub" ? "hub" : root.view, root.view === "request" && stack.currentItem
                        ? stack.currentItem.requestKey : "")

    Component {
        id: hubComponent
        PrescriptionsHub {
            readonly property string viewName: "hub"
            vm: root.vm
            wide: root.wide
            current: root.section
            onOpenView: name => root.open(name)
        }
    }
    Component {
        id: orderComponent
        OrderChoose {
            objectName: "orderChoosePage"
            readonly property string viewName: "order"
            vm: root.vm
            onContinueRequested: root.open("review")
        }
    }
    Component {
        id: reviewComponent
        OrderReview {
            objectName: "orderReviewPage"
            readonly property string viewName: "review"
            vm: root.vm
            onChangeMedicines: root.back()
            onSendRequested: root.open("confirmation")
        }
    }
    Component {
        id: confirmationComponent
        OrderConfirmation {
            objectName: "orderConfirmationPage"
            readonly property string viewName: "confirmation"
            vm: root.vm
            onShowRequests: root.leaveConfirmation(true)
            onDone: root.leaveConfirmation(false)
            onBackToOrder: {
                if (root.order)
                    root.order.resume();
                root.open("review");
            }
        }
    }
    Component {
        id: requestsComponent
        RequestsList {
            objectName: "requestsPage"
            readonly property string viewName: "requests"
            vm: root.vm
            onOpenRequest: key => root.open("request", key)
        }
    }
    Component {
        id: requestComponent
        RequestDetail {
            objectName: "requestDetailPage"
            readonly property string viewName: "request"
            vm: root.vm
        }
    }
    Component {
        id: medicinesComponent
        PrescriptionsMedicines {
            objectName: "medicinesPage"
            readonly property string viewName: "medicines"
            vm: root.vm
            onOrderRequested: root.open("order")
        }
    }

    Row {
        anchors.fill: parent

        // Wide: the hub stays on the left.
        Rectangle {
            objectName: "prescriptionsSidebar"
            visible: root.wide
            width: root.wide ? Math.max(320, Theme.px(320)) : 0
            height: parent.height
            color: Theme.cardBackground
            border.width: 1
            border.color: Theme.border
            Loader {
                anchors.fill: parent
                active: root.wide
                sourceComponent: PrescriptionsHub {
                    objectName: "prescriptionsHubSide"
                    vm: root.vm
                    wide: true
                    current: root.section
                    onOpenView: name => root.open(name)
                }
            }
        }

        Column {
            width: parent.width - (root.wide ? Math.max(320, Theme.px(320)) : 0)
            height: parent.height

            // A Back row inside the page while drilled in (Esc and Backspace do the same).
            ItemDelegate {
                id: backRow
                objectName: "prescriptionsBackButton"
                visible: stack.depth > 1
                x: Theme.space1
                height: visible ? Theme.touchTarget : 0
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Back")
                onClicked: root.back()
                Keys.onReturnPressed: root.back()
                Keys.onEnterPressed: root.back()
                background: Rectangle {
                    color: backRow.down ? Theme.tagBackground : "transparent"
                    radius: Theme.radius
                    border.color: backRow.visualFocus ? Theme.focus : "transparent"
                    border.width: 3
                }
                contentItem: Text {
                    text: "‹  " + qsTr("Back")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                    font.underline: true
                    color: Theme.link
                    verticalAlignment: Text.AlignVCenter
                    Accessible.ignored: true
                }
            }

            StackView {
                id: stack
                objectName: "prescriptionsStack"
                width: parent.width
                height: parent.height - backRow.height
                focus: true
            }
        }
    }
}
