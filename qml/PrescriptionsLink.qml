import QtQuick
import QtQuick.Controls.Basic

// A text link ("Change", "Try again"): underlined, 48 px tall, Enter and Space press it.
ItemDelegate {
    id: link
    property string label
    implicitHeight: Theme.touchTarget
    implicitWidth: linkText.implicitWidth + 2 * Theme.space2
    leftPadding: Theme.space2
    rightPadding: Theme.space2
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Link
    Accessible.name: label
    Keys.onReturnPressed: link.clicked()
    Keys.onEnterPressed: link.clicked()
    background: Rectangle {
        color: link.down ? Theme.tagBackground : "transparent"
        radius: Theme.radius
        border.color: link.visualFocus ? Theme.focus : "transparent"
        border.width: 3
    }
    contentItem: Text {
        id: linkText
        text: link.label
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        font.underline: true
        font.bold: true
        color: Theme.link
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        Accessible.ignored: true
    }
}
