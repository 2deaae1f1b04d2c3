import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// After "Send request": sending, sent, saved and waiting to send (offline), refused or not stored.
PrescriptionsScroll {
    id: page
    property var vm: null
    signal showRequests()
    signal done()
    signal backToOrder()

    readonly property var order: vm ? vm.order : null
    // PrescriptionsOrder.State: Editing 0, Storing 1, Stored 2, Failed 3.
    readonly property int state: order ? order.state : 0
    readonly property string outcome: order ? order.outcome : ""

    Rectangle {
        id: panel
        objectName: "confirmationPanel"
        width: parent.width
        implicitHeight: panelColumn.implicitHeight + 2 * Theme.space4
        height: implicitHeight
        radius: Theme.radius
        color: page.state === 2 && page.outcome === "sent" ? Theme.green
               : page.state === 3 || page.outcome === "refused" ? Theme.flagRedBackground : Theme.infoBackground
        border.width: page.state === 3 || page.outcome === "refused" ? 2 : 0
        border.color: Theme.flagRed
        readonly property color ink: page.state === 2 && page.outcome === "sent" ? "#FFFFFF" : Theme.text
        Column {
            id: panelColumn
            x: Theme.space4
            y: Theme.space4
            width: parent.width - 2 * Theme.space4
            spacing: Theme.space2
            BusyIndicator {
                visible: page.state === 1
                running: visible
                implicitWidth: 40
                implicitHeight: 40
                Accessible.name: qsTr("Sending")
            }
            Heading {
                objectName: "resultTitle"
                width: parent.width
                color: panel.ink
                text: page.order ? page.order.resultTitle : ""
            }
            BodyText {
                objectName: "resultText"
                width: parent.width
                color: panel.ink
                text: page.order ? page.order.resultText : ""
            }
        }
    }

    Card {
        width: parent.width
        visible: page.state === 2 && page.outcome !== "refused"
        Heading {
            Layout.fillWidth: true
            level: 3
            text: qsTr("What happens next")
        }
        BodyText {
            Layout.fillWidth: true
            text: qsTr("Your GP surgery checks your request. When it is approved, your prescription is sent to your pharmacy. "
                       + "Hearth shows each step in Your requests. Contact your GP surgery if you have not heard within 5 working days.")
        }
    }

    AppButton {
        objectName: "viewRequestsButton"
        width: parent.width
        visible: page.state !== 3
        enabled: page.state !== 1
        text: qsTr("View your requests")
        onClicked: page.showRequests()
    }
    AppButton {
        objectName: "tryOrderAgainButton"
        width: parent.width
        visible: page.state === 3
        text: qsTr("Back to your request")
        onClicked: page.backToOrder()
    }
    AppButton {
        objectName: "doneButton"
        width: parent.width
        primary: false
        enabled: page.state !== 1
        text: qsTr("Back to prescriptions")
        onClicked: page.done()
    }
}
