import QtQuick

// Where a request is, in words; the colour and the mark only support them (never colour alone).
// kind: waiting, sending, refused, requested, in-review, approved, rejected, issued, ready, collected.
Rectangle {
    id: chip
    property string kind
    property string text

    readonly property bool problem: kind === "refused" || kind === "rejected"
    readonly property bool good: kind === "ready" || kind === "collected" || kind === "approved" || kind === "issued"
    readonly property string mark: problem ? "! " : kind === "waiting" || kind === "sending" ? "… " : good ? "✓ " : ""

    visible: text.length > 0
    implicitWidth: label.implicitWidth + 2 * Theme.space2
    implicitHeight: label.implicitHeight + 2 * Theme.space1
    radius: Theme.radius
    color: problem ? Theme.flagRedBackground : good ? Theme.flagGreenBackground
                   : kind === "waiting" || kind === "sending" ? Theme.tagBackground : Theme.infoBackground
    border.width: 1
    border.color: problem ? Theme.flagRed : good ? Theme.flagGreen : Theme.border
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Text {
        id: label
        x: Theme.space2
        y: Theme.space1
        width: Math.max(0, chip.width - 2 * Theme.space2)
        wrapMode: Text.Wrap
        text: chip.mark + chip.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
        color: chip.problem ? Theme.flagRed : chip.good ? Theme.flagGreen : Theme.text
        Accessible.ignored: true
    }
}
