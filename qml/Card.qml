import QtQuick
import QtQuick.Layouts

// A white card with a soft border; children go into a padded column.
Rectangle {
    id: card
    default property alias content: column.data
    property int padding: Theme.space3 + Theme.space1
    property alias spacing: column.spacing

    color: Theme.cardBackground
    radius: Theme.radius
    border.color: Theme.border
    border.width: 1
    implicitHeight: column.implicitHeight + 2 * padding

    ColumnLayout {
        id: column
        x: card.padding
        y: card.padding
        width: card.width - 2 * card.padding
        spacing: Theme.space2
    }
}
