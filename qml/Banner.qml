import QtQuick

// A calm full-width notice: "info" (offline) or "error" (with an optional "Try again" action).
Rectangle {
    id: banner
    property string kind: "info"
    property string title
    property string message
    property string actionText
    signal actionTriggered()

    color: kind === "error" ? Theme.flagRedBackground : Theme.infoBackground
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title + ". " + message

    // Text lines up with the page's centred content column on wide windows.
    readonly property int margin: width < 600 ? Theme.space3 : Theme.space5

    Rectangle {
        width: 6
        height: parent.height
        color: banner.kind === "error" ? Theme.red : Theme.accent
    }

    // Plain geometry, no layouts: a wrapped Text in a Column inside a RowLayout inside the page's
    // ColumnLayout either re-polishes forever or never gets its width in Qt 6.4 (text piled at width 0).
    readonly property int contentWidth: Math.min(Theme.contentMaxWidth, banner.width - 2 * banner.margin)
    implicitHeight: Math.max(texts.implicitHeight, action.visible ? action.implicitHeight : 0) + 2 * Theme.space3

    Column {
        id: texts
        x: Math.max(banner.margin, (banner.width - Theme.contentMaxWidth) / 2)
        y: Theme.space3
        width: banner.contentWidth - (action.visible ? action.width + Theme.space3 : 0)
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
        id: action
        visible: banner.actionText.length > 0
        x: texts.x + banner.contentWidth - width
        y: (banner.height - height) / 2
        width: Math.min(implicitWidth, banner.contentWidth / 2)
        text: banner.actionText
        primary: false
        onClicked: banner.actionTriggered()
    }
}
