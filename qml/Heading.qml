import QtQuick

// A page or section heading (level 1..3).
BodyText {
    property int level: 1
    font.pixelSize: level === 1 ? Theme.fontH1 : level === 2 ? Theme.fontH2 : Theme.fontH3
    font.bold: true
    lineHeight: 1.05
    Accessible.role: Accessible.Heading
}
