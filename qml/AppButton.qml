import QtQuick
import QtQuick.Controls.Basic

// The one button style: primary (NHS green/blue filled) or secondary (outlined). Always ≥ 48 px tall.
Button {
    id: control
    property bool primary: true
    property color fillColor: Theme.green

    implicitHeight: Math.max(Theme.touchTarget, contentItem.implicitHeight + 2 * Theme.space2)
    leftPadding: Theme.space4
    rightPadding: Theme.space4
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.bold: true
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: text
    // Basic style buttons take only Space; people also expect Enter to press the focused button.
    Keys.onReturnPressed: control.clicked()
    Keys.onEnterPressed: control.clicked()

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary ? "#FFFFFF" : Theme.link
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
        opacity: control.enabled ? 1 : 0.6
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? (control.down ? Qt.darker(control.fillColor, 1.25) : control.fillColor)
                               : (control.down ? Theme.tagBackground : "transparent")
        border.color: control.visualFocus ? Theme.focus : (control.primary ? "transparent" : Theme.link)
        border.width: control.visualFocus ? 3 : 2
        opacity: control.enabled ? 1 : 0.6
    }
}
