import QtQuick
import QtQuick.Layouts

// One entry of a record section: title, detail, date and its flag in words.
Item {
    id: row
    property string title
    property string detail
    property string dateText
    property string flag
    property string flagText
    property string accessibleText
    property bool showDivider: true

    // The first row sits close under the section heading; later rows get room around the divider.
    readonly property int topPadding: showDivider ? Theme.space3 : Theme.space1
    implicitHeight: column.implicitHeight + topPadding + Theme.space2
    Accessible.role: Accessible.ListItem
    Accessible.name: accessibleText.length > 0 ? accessibleText : title

    Rectangle {
        visible: row.showDivider
        width: parent.width
        height: 1
        color: Theme.border
    }

    ColumnLayout {
        id: column
        y: row.topPadding
        width: parent.width
        spacing: Theme.space1

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.space2
            BodyText {
                objectName: "rowTitle"
                Layout.fillWidth: true
                text: row.title
                font.bold: true
            }
            FlagTag {
                objectName: "rowFlag"
                Layout.alignment: Qt.AlignTop
                // At large text sizes the tag wraps rather than pushing the row past the screen.
                Layout.maximumWidth: Math.round(parent.width * 0.45)
                flag: row.flag
                text: row.flagText
            }
        }
        BodyText {
            Layout.fillWidth: true
            text: row.detail
            visible: text.length > 0
        }
        BodyText {
            Layout.fillWidth: true
            text: row.dateText
            visible: text.length > 0
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
        }
    }
}
