import QtQuick
import QtQuick.Controls.Basic

// "Your medicines": repeats you can order, repeats you cannot order online (with why), one-off
// medicines and those you no longer take.
PrescriptionsScroll {
    id: page
    property var vm: null
    signal orderRequested()

    readonly property var medicines: vm ? vm.medicines : null
    readonly property int status: medicines ? medicines.status : 0
    function groupAt(i) { return page.medicines && i >= 0 ? page.medicines.get(i).group : "" }

    Heading {
        objectName: "medicinesTitle"
        width: parent.width
        text: qsTr("Your medicines")
    }
    AppButton {
        width: parent.width
        visible: page.vm !== null && page.vm.orderableCount > 0
        text: qsTr("Order a repeat prescription")
        onClicked: page.orderRequested()
    }
    BodyText {
        width: parent.width
        visible: page.status === 0
        color: Theme.secondaryText
        text: qsTr("Loading…")
    }
    BodyText {
        width: parent.width
        visible: page.status === 1
        color: Theme.secondaryText
        text: page.medicines ? page.medicines.emptyText : ""
    }
    Column {
        width: parent.width
        visible: page.status === 2
        spacing: Theme.space2
        BodyText {
            width: parent.width
            text: page.medicines ? page.medicines.errorText : ""
        }
        AppButton {
            primary: false
            text: qsTr("Try again")
            onClicked: if (page.vm) page.vm.reload()
        }
    }
    Column {
        width: parent.width
        spacing: Theme.space2
        Repeater {
            objectName: "medicinesRepeater"
            model: page.status === 3 ? page.medicines : null
            delegate: Column {
                id: entry
                required property int index
                required property string templateId
                required property string name
                required property string detail
                required property string quantityText
                required property string lastIssuedText
                required property string nextDueText
                required property bool orderable
                required property string reasonText
                required property string group
                required property string accessibleText
                readonly property bool firstOfGroup: index === 0 || page.groupAt(index - 1) !== group
                width: parent.width
                spacing: Theme.space2

                Heading {
                    visible: entry.firstOfGroup
                    topPadding: entry.index === 0 ? 0 : Theme.space3
                    width: parent.width
                    level: 3
                    text: entry.group
                }
                Rectangle {
                    objectName: "medicine_" + entry.templateId
                    width: parent.width
                    implicitHeight: medColumn.implicitHeight + 2 * Theme.space3
                    height: implicitHeight
                    radius: Theme.radius
                    color: entry.orderable ? Theme.cardBackground : "transparent"
                    border.color: Theme.border
                    border.width: 1
                    Accessible.role: Accessible.StaticText
                    Accessible.name: entry.accessibleText
                    Column {
                        id: medColumn
                        x: Theme.space3
                        y: Theme.space3
                        width: parent.width - 2 * Theme.space3
                        spacing: Theme.space1
                        BodyText {
                            width: parent.width
                            text: entry.name
                            font.bold: true
                            Accessible.ignored: true
                        }
                        BodyText {
                            width: parent.width
                            visible: text.length > 0
                            text: entry.detail
                            Accessible.ignored: true
                        }
                        BodyText {
                            width: parent.width
                            visible: text.length > 0
                            text: [entry.quantityText, entry.lastIssuedText].filter(s => s.length > 0).join(" · ")
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }
                        BodyText {
                            width: parent.width
                            visible: text.length > 0
                            text: entry.nextDueText
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }
                        BodyText {
                            width: parent.width
                            visible: !entry.orderable && text.length > 0
                            text: entry.reasonText
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }
                    }
                }
            }
        }
    }
}
