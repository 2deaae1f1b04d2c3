import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The five destinations, as a bottom bar (narrow) or a left sidebar (wide).
Rectangle {
    id: nav
    property bool vertical: false
    property string current: "home"
    property string appTitle: "Hearth"
    signal activated(string name)

    readonly property var items: [
        { name: "home", label: qsTr("Home"), icon: "⌂" },
        { name: "record", label: qsTr("Your health"), icon: "♥" },
        { name: "prescriptions", label: qsTr("Prescriptions"), icon: "℞" },
        { name: "messages", label: qsTr("Messages"), icon: "✉" },
        { name: "more", label: qsTr("More"), icon: "☰" }
    ]
    // The wide sidebar has room for search too; on a phone it is on the record page.
    readonly property var sideItems: items.slice(0, 2).concat([{ name: "search", label: qsTr("Search your record"), icon: "⌕" }])
                                          .concat(items.slice(2))

    color: vertical ? Theme.sidebarBackground : Theme.cardBackground
    implicitHeight: vertical ? 0 : bottomRow.implicitHeight + 1
    implicitWidth: vertical ? Theme.sidebarWidth : 0
    Accessible.role: vertical ? Accessible.Pane : Accessible.PageTabList
    Accessible.name: qsTr("Main navigation")

    // top border for the bottom bar
    Rectangle {
        visible: !nav.vertical
        width: parent.width
        height: 1
        color: Theme.border
    }

    RowLayout {
        id: bottomRow
        visible: !nav.vertical
        y: 1
        width: parent.width
        spacing: 0
        Repeater {
            model: nav.vertical ? [] : nav.items
            delegate: ItemDelegate {
                id: tab
                required property var modelData
                readonly property bool selected: nav.current === modelData.name
                objectName: "nav_" + modelData.name
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                implicitHeight: Math.max(64, tabColumn.implicitHeight + Theme.space2 * 2)
                leftPadding: 2
                rightPadding: 2
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.PageTab
                Accessible.name: modelData.label
                Accessible.selected: selected
                onClicked: nav.activated(modelData.name)
                background: Rectangle {
                    color: tab.down ? Theme.tagBackground : "transparent"
                    border.color: tab.visualFocus ? Theme.focus : "transparent"
                    border.width: 3
                    Rectangle {
                        visible: tab.selected
                        width: parent.width * 0.6
                        height: 4
                        radius: 2
                        anchors.horizontalCenter: parent.horizontalCenter
                        color: Theme.accent
                    }
                }
                contentItem: Column {
                    id: tabColumn
                    spacing: 2
                    Text {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: tab.modelData.icon
                        font.pixelSize: Theme.px(22)
                        color: tab.selected ? Theme.accent : Theme.secondaryText
                    }
                    Text {
                        width: parent.width
                        horizontalAlignment: Text.AlignHCenter
                        text: tab.modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.px(13)
                        // Shrink a long label ("Prescriptions") rather than cut it on a 360 px phone. The
                        // floor is not scaled: at 200% text a fifth of 360 px fits no bigger label; the
                        // icon above still scales and the tab's accessible name is the full label.
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: 9
                        font.bold: tab.selected
                        color: tab.selected ? Theme.accent : Theme.secondaryText
                    }
                }
            }
        }
    }

    ColumnLayout {
        visible: nav.vertical
        anchors.fill: parent
        anchors.topMargin: Theme.space4
        spacing: Theme.space1

        Text {
            Layout.leftMargin: Theme.space4
            Layout.bottomMargin: Theme.space4
            text: nav.appTitle
            color: "#FFFFFF"
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontH2
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }

        Repeater {
            model: nav.vertical ? nav.sideItems : []
            delegate: ItemDelegate {
                id: side
                required property var modelData
                readonly property bool selected: nav.current === modelData.name
                objectName: "nav_" + modelData.name
                Layout.fillWidth: true
                implicitHeight: Math.max(Theme.touchTarget + 8, sideRow.implicitHeight + Theme.space3)
                focusPolicy: Qt.StrongFocus
                Accessible.role: Accessible.PageTab
                Accessible.name: modelData.label
                Accessible.selected: selected
                onClicked: nav.activated(modelData.name)
                background: Rectangle {
                    color: side.selected ? Qt.rgba(1, 1, 1, 0.14) : side.down ? Qt.rgba(1, 1, 1, 0.08) : "transparent"
                    border.color: side.visualFocus ? Theme.focus : "transparent"
                    border.width: 3
                    Rectangle {
                        visible: side.selected
                        width: 5
                        height: parent.height
                        color: "#FFFFFF"
                    }
                }
                contentItem: Row {
                    id: sideRow
                    leftPadding: Theme.space3
                    spacing: Theme.space3
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.px(26)
                        horizontalAlignment: Text.AlignHCenter
                        text: side.modelData.icon
                        font.pixelSize: Theme.px(22)
                        color: "#FFFFFF"
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        text: side.modelData.label
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.bold: side.selected
                        color: "#FFFFFF"
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
