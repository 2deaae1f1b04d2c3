import QtQuick
import QtQuick.Layouts

// A calm full-width notice: "info" (offline) or "error" (with an optional "Try again" action).
Rectangle {
    id: banner
    property string kind: "info"
    property string title
    property string message
    property string actionText
    signal actionTriggered()

    color: kind === "error" ? Theme.flagRedBackground : Theme.infoBackground
    implicitHeight: row.implicitHeight + 2 * Theme.space3
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title + ". " + message

    // Text lines up with the page's centred content column on wide windows.
    readonly property int margin: width < 600 ? Theme.space3 : Theme.space5

    Rectangle {
        width: 6
        height: parent.height
        color: banner.kind === "error" ? Theme.red : Theme.accent
    }

    RowLayout {
        id: row
        x: Math.max(banner.margin, (banner.width - Theme.contentMaxWidth) / 2)
        y: Theme.space3
        width: Math.min(Theme.contentMaxWidth, banner.width - 2 * banner.margin)
        spacing: Theme.space3

        // A plain Column (not a ColumnLayout): wrapped text inside nested layouts makes Qt 6.4
        // re-polish forever ("Polish loop detected").
        Column {
            Layout.fillWidth: true
            spacing: Theme.space1
            BodyText {
                width: parent.width
                text: banner.title
                font.bold: true
                visible: text.length > 0
            }
            BodyText {
                objectName: "bannerMessage"
                width: parent.width
                text: banner.message
                visible: text.length > 0
            }
        }
        AppButton {
            visible: banner.actionText.length > 0
            text: banner.actionText
            primary: false
            onClicked: banner.actionTriggered()
        }
    }
}
