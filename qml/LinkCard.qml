import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A whole-card link with a title, a line of description and a chevron; 48 px or taller.
ItemDelegate {
    id: card
    property string title
    property string description
    property string badge    // e.g. "Coming soon"; empty hides it

    implicitHeight: Math.max(Theme.touchTarget, column.implicitHeight + 2 * Theme.space3 + Theme.space1)
    padding: 0
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Link
    Accessible.name: badge.length > 0 ? title + ", " + badge : title
    Accessible.description: description

    background: Rectangle {
        color: card.down ? Theme.tagBackground : Theme.cardBackground
        radius: Theme.radius
        border.color: card.visualFocus ? Theme.focus : Theme.border
        border.width: card.visualFocus ? 3 : 1
    }
    contentItem: Item {
        implicitHeight: column.implicitHeight
        ColumnLayout {
            id: column
            x: Theme.space3 + Theme.space1
            width: parent.width - 2 * x - chevron.width
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.space1
            // Title and badge placed by hand: a RowLayout of wrapping texts makes Qt 6.4 report
            // polish loops at large text sizes.
            Item {
                Layout.fillWidth: true
                implicitHeight: Math.max(titleText.implicitHeight, badgeTag.visible ? badgeTag.implicitHeight : 0)
                BodyText {
                    id: titleText
                    width: Math.max(0, parent.width - (badgeTag.visible ? badgeTag.width + Theme.space2 : 0))
                    text: card.title
                    color: card.enabled ? Theme.link : Theme.text
                    font.pixelSize: Theme.fontH3
                    font.bold: true
                    font.underline: card.hovered && card.enabled
                }
                FlagTag {
                    id: badgeTag
                    anchors.right: parent.right
                    width: Math.min(implicitWidth, Math.round(parent.width * 0.45))
                    height: implicitHeight
                    text: card.badge
                }
            }
            BodyText {
                Layout.fillWidth: true
                text: card.description
                color: Theme.secondaryText
                visible: text.length > 0
            }
        }
        Text {
            id: chevron
            visible: card.enabled
            anchors.right: parent.right
            anchors.rightMargin: Theme.space3
            anchors.verticalCenter: parent.verticalCenter
            text: "›"
            font.pixelSize: Theme.px(34)
            color: Theme.link
        }
    }
}
