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

    // Wraps when its row gives it less than its natural width (large text on a phone).
    Text {
        id: label
        x: Theme.space2
        y: Theme.space1
        width: Math.max(0, tag.width - 2 * Theme.space2)
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        text: (tag.flag === "high" ? "▲ " : tag.flag === "low" ? "▼ " : "") + tag.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: tag.alarming
        color: tag.alarming ? Theme.flagRed : tag.flag === "normal" ? Theme.flagGreen : Theme.secondaryText
    }
}
