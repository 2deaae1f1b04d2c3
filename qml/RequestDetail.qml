import QtQuick
import QtQuick.Controls.Basic

// One medicine's request: where it is, every step with its date (local time), the steps still to
// come, the pharmacy and the note; "Try again" when the server refused it.
PrescriptionsScroll {
    id: page
    property var vm: null
    property string requestKey: ""

    readonly property var info: vm && vm.openedRequest ? vm.openedRequest : ({})
    readonly property bool found: info.found === true

    function load() {
        if (page.vm && page.requestKey.length > 0)
            page.vm.openRequest(page.requestKey);
    }
    onRequestKeyChanged: load()
    onVmChanged: load()
    Component.onCompleted: load()

    Heading {
        objectName: "requestTitle"
        width: parent.width
        text: page.found ? page.info.name : qsTr("Request")
    }
    BodyText {
        objectName: "requestMissing"
        width: parent.width
        visible: !page.found
        text: qsTr("This request is no longer on this device. It may have been removed by your GP surgery.")
    }
    RequestStatusChip {
        objectName: "requestStatus"
        visible: page.found
        width: Math.min(implicitWidth, parent.width)
        kind: page.info.statusKind || ""
        text: page.info.statusText || ""
    }
    Column {
        width: parent.width
        visible: page.found
        spacing: Theme.space1
        BodyText {
            width: parent.width
            text: page.info.group || ""
            color: Theme.secondaryText
        }
        BodyText {
            objectName: "requestPharmacy"
            width: parent.width
            visible: (page.info.pharmacyText || "").length > 0
            text: qsTr("Pharmacy: %1").arg(page.info.pharmacyText || "")
        }
        BodyText {
            width: parent.width
            visible: (page.info.note || "").length > 0
            text: qsTr("Your note: %1").arg(page.info.note || "")
        }
        BodyText {
            width: parent.width
            visible: text.length > 0
            text: page.info.detail || ""
            font.bold: true
        }
    }

    Rectangle {
        objectName: "refusalPanel"
        visible: page.found && page.info.statusKind === "refused"
        width: parent.width
        implicitHeight: refusalColumn.implicitHeight + 2 * Theme.space3
        height: implicitHeight
        radius: Theme.radius
        color: Theme.flagRedBackground
        border.color: Theme.flagRed
        border.width: 2
        Column {
            id: refusalColumn
            x: Theme.space3
            y: Theme.space3
            width: parent.width - 2 * Theme.space3
            spacing: Theme.space2
            BodyText {
                objectName: "detailRefusalText"
                width: parent.width
                text: page.info.refusalText || ""
            }
            BodyText {
                width: parent.width
                text: qsTr("Nothing has been lost. If the problem is fixed, try again; if not, contact your GP surgery.")
            }
            AppButton {
                objectName: "detailRetryButton"
                visible: page.info.canRetry === true
                text: qsTr("Try again")
                Accessible.name: qsTr("Try again: %1").arg(page.info.name || "")
                onClicked: if (page.vm) page.vm.retry(page.info.clientId)
            }
        }
    }

    Heading {
        visible: page.found
        width: parent.width
        level: 2
        text: qsTr("Progress")
    }
    Column {
        objectName: "timeline"
        visible: page.found
        width: parent.width
        spacing: 0
        Repeater {
            objectName: "timelineRepeater"
            model: page.vm ? page.vm.timeline : null
            delegate: Item {
                id: step
                required property int index
                required property string title
                required property string dateText
                required property string detail
                required property bool reached
                required property bool current
                required property string accessibleText
                readonly property bool last: page.vm && index === page.vm.timeline.count - 1
                readonly property int markerSize: Theme.px(22)
                width: parent.width
                implicitHeight: stepColumn.implicitHeight + Theme.space4
                height: implicitHeight
                Accessible.role: Accessible.ListItem
                Accessible.name: accessibleText

                // The line joining the steps; solid up to where the request has got.
                Rectangle {
                    visible: !step.last
                    x: step.markerSize / 2 - 1
                    y: step.markerSize
                    width: 3
                    height: step.height - step.markerSize
                    color: step.reached && !step.current ? Theme.accent : Theme.border
                }
                Rectangle {
                    x: 0
                    y: 2
                    width: step.markerSize
                    height: width
                    radius: width / 2
                    color: step.reached ? Theme.accent : Theme.cardBackground
                    border.color: step.reached ? Theme.accent : Theme.secondaryText
                    border.width: 2
                    Text {
                        anchors.centerIn: parent
                        visible: step.reached
                        text: "✓"
                        color: Theme.cardBackground
                        font.pixelSize: Theme.px(14)
                        font.bold: true
                    }
                }
                Column {
                    id: stepColumn
                    x: step.markerSize + Theme.space3
                    width: parent.width - x
                    spacing: 2
                    BodyText {
                        width: parent.width
                        text: step.current ? qsTr("%1 (now)").arg(step.title) : step.title
                        font.bold: step.reached
                        color: step.reached ? Theme.text : Theme.secondaryText
                        Accessible.ignored: true
                    }
                    BodyText {
                        width: parent.width
                        text: step.dateText
                        color: Theme.secondaryText
                        font.pixelSize: Theme.fontSmall
                        Accessible.ignored: true
                    }
                    BodyText {
                        width: parent.width
                        visible: text.length > 0
                        text: step.detail
                        font.pixelSize: Theme.fontSmall
                        Accessible.ignored: true
                    }
                }
            }
        }
    }
}
