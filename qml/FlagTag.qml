import QtQuick

// A flag in words with a colour that only supports them: red for high/low/abnormal, green for normal.
Rectangle {
    id: tag
    property string flag
    property string text

    readonly property bool alarming: flag === "high" || flag === "low" || flag === "abnormal"

    visible: text.length > 0
    implicitWidth: label.implicitWidth + 2 * Theme.space2
    implicitHeight: label.implicitHeight + Theme.space1 * 2
    radius: Theme.radius
    color: alarming ? Theme.flagRedBackground : flag === "normal" ? Theme.flagGreenBackground : Theme.tagBackground
    border.width: alarming ? 1 : 0
    border.color: Theme.flagRed

    Text {
        id: label
        anchors.centerIn: parent
        text: (tag.flag === "high" ? "▲ " : tag.flag === "low" ? "▼ " : "") + tag.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: tag.alarming
        color: tag.alarming ? Theme.flagRed : tag.flag === "normal" ? Theme.flagGreen : Theme.secondaryText
    }
}
