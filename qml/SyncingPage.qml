import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown while the first copy of the record is downloaded: a progress bar and the current step.
Rectangle {
    id: page
    property var controller: null
    readonly property real progress: controller && controller.syncProgress !== undefined ? controller.syncProgress : 0
    readonly property bool starting: controller ? controller.state === 0 : true
    // "1,250 of 2,052 entries" once the server has said how many to expect; empty until then.
    readonly property string countText: controller && controller.syncCountText ? controller.syncCountText : ""

    color: Theme.pageBackground

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(Theme.contentMaxWidth - 2 * Theme.space5, page.width - 2 * Theme.space4)
        spacing: Theme.space3

        Heading {
            Layout.fillWidth: true
            text: page.starting ? qsTr("Opening Hearth") : qsTr("Getting your GP record")
        }
        BodyText {
            Layout.fillWidth: true
            text: page.starting ? qsTr("Unlocking the record saved on this device.")
                                : qsTr("This can take a minute the first time. You do not need to do anything.")
        }
        ProgressBar {
            id: bar
            objectName: "syncProgress"
            Layout.fillWidth: true
            Layout.topMargin: Theme.space2
            from: 0
            to: 1
            value: page.progress
            indeterminate: page.starting
            Accessible.role: Accessible.ProgressBar
            Accessible.name: qsTr("Download progress")
            Accessible.description: page.countText.length > 0
                                    ? qsTr("%1 percent, %2").arg(Math.round(page.progress * 100)).arg(page.countText)
                                    : qsTr("%1 percent").arg(Math.round(page.progress * 100))
            background: Rectangle {
                implicitHeight: 12
                radius: 6
                color: Theme.tagBackground
            }
            contentItem: Item {
                implicitHeight: 12
                Rectangle {
                    width: bar.indeterminate ? parent.width * 0.3 : bar.visualPosition * parent.width
                    height: parent.height
                    radius: 6
                    color: Theme.accent
                }
            }
        }
        BodyText {
            objectName: "syncCount"
            Layout.fillWidth: true
            text: page.starting ? "" : page.countText
            font.bold: true
            visible: text.length > 0
        }
        BodyText {
            objectName: "syncStep"
            Layout.fillWidth: true
            text: page.controller && page.controller.syncStep ? page.controller.syncStep : ""
            color: Theme.secondaryText
            visible: text.length > 0
        }
    }
}
