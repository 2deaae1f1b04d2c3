import QtQuick
import QtQuick.Controls.Basic

// Order a repeat prescription, step 1 of 2: choose medicines. Repeats that can be ordered have a
// checkbox; the others are listed after them with why, in plain words, and cannot be chosen.
PrescriptionsScroll {
    id: page
    property var vm: null
    signal continueRequested()

    readonly property var order: vm ? vm.order : null
    readonly property var medicines: vm ? vm.medicines : null
    // PrescriptionsListModel.Status: Loading 0, Empty 1, Error 2, Content 3.
    readonly property int status: medicines ? medicines.status : 0

    function groupAt(i) { return page.medicines && i >= 0 ? page.medicines.get(i).group : "" }

    Heading {
        objectName: "orderTitle"
        width: parent.width
        text: qsTr("Order a repeat prescription")
    }
    BodyText {
        width: parent.width
        color: Theme.secondaryText
        text: qsTr("Step 1 of 2: choose the medicines you need.")
    }

    BodyText {
        objectName: "orderLoading"
        width: parent.width
        visible: page.status === 0
        color: Theme.secondaryText
        text: qsTr("Loading your medicines…")
    }
    BodyText {
        objectName: "orderEmpty"
        width: parent.width
        visible: page.status === 1 || (page.status === 3 && page.vm && page.vm.orderableCount === 0)
        text: qsTr("You have no repeat medicines you can order online. If you need a medicine, contact your GP surgery.")
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
        objectName: "orderMedicines"
        width: parent.width
        spacing: Theme.space2
        Repeater {
            objectName: "orderRepeater"
            model: page.status === 3 ? page.medicines : null
            delegate: Column {
                id: entry
                required property int index
                required property string templateId
                required property string name
                required property string detail
                required property string quantityText
                required property string lastIssuedText
                required property bool orderable
                required property string reasonText
                required property string group
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
                // A medicine that can be ordered: the whole card is the checkbox.
                CheckBox {
                    id: box
                    objectName: "choose_" + entry.templateId
                    visible: entry.orderable
                    width: parent.width
                    checked: page.order ? page.order.selectedIds.indexOf(entry.templateId) >= 0 : false
                    enabled: page.order ? page.order.state === 0 : false
                    focusPolicy: Qt.StrongFocus
                    padding: Theme.space3
                    Accessible.role: Accessible.CheckBox
                    Accessible.name: [entry.name, entry.detail, entry.quantityText].filter(s => s.length > 0).join(". ")
                    Accessible.checkable: true
                    Accessible.checked: checked
                    // The order owns the selection: `checked` stays bound to it, clicks ask it to change.
                    checkable: false
                    Keys.onReturnPressed: toggle()
                    Keys.onEnterPressed: toggle()
                    onClicked: toggle()
                    onActiveFocusChanged: if (activeFocus) page.reveal(box)
                    function toggle() {
                        if (page.order)
                            page.order.toggle(entry.templateId);
                    }
                    background: Rectangle {
                        color: box.checked ? Theme.infoBackground : Theme.cardBackground
                        radius: Theme.radius
                        border.color: box.visualFocus ? Theme.focus : box.checked ? Theme.accent : Theme.border
                        border.width: box.visualFocus || box.checked ? 3 : 1
                    }
                    indicator: Rectangle {
                        x: box.leftPadding
                        y: box.topPadding + 2
                        width: Theme.px(28)
                        height: width
                        radius: 3
                        color: Theme.cardBackground
                        border.color: Theme.text
                        border.width: 2
                        Text {
                            anchors.centerIn: parent
                            visible: box.checked
                            text: "✓"
                            font.pixelSize: Theme.px(22)
                            font.bold: true
                            color: Theme.text
                        }
                    }
                    contentItem: Column {
                        leftPadding: Theme.px(28) + Theme.space3
                        spacing: Theme.space1
                        BodyText {
                            width: parent.width - parent.leftPadding
                            text: entry.name
                            font.bold: true
                        }
                        BodyText {
                            width: parent.width - parent.leftPadding
                            visible: text.length > 0
                            text: entry.detail
                        }
                        BodyText {
                            width: parent.width - parent.leftPadding
                            visible: text.length > 0
                            text: [entry.quantityText, entry.lastIssuedText].filter(s => s.length > 0).join(" · ")
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
                // Listed for completeness, never selectable: the reason says why.
                Rectangle {
                    objectName: "notOrderable_" + entry.templateId
                    visible: !entry.orderable
                    width: parent.width
                    implicitHeight: notColumn.implicitHeight + 2 * Theme.space3
                    height: implicitHeight
                    radius: Theme.radius
                    color: "transparent"
                    border.color: Theme.border
                    border.width: 1
                    Accessible.role: Accessible.StaticText
                    Accessible.name: [entry.name, qsTr("Cannot be ordered online"), entry.reasonText].join(". ")
                    Column {
                        id: notColumn
                        x: Theme.space3
                        y: Theme.space3
                        width: parent.width - 2 * Theme.space3
                        spacing: Theme.space1
                        BodyText {
                            width: parent.width
                            text: entry.name
                            font.bold: true
                            color: Theme.secondaryText
                            Accessible.ignored: true
                        }
                        BodyText {
                            width: parent.width
                            text: qsTr("Cannot be ordered online: %1").arg(entry.reasonText)
                            color: Theme.secondaryText
                            font.pixelSize: Theme.fontSmall
                            Accessible.ignored: true
                        }
                    }
                }
            }
        }
    }

    BodyText {
        objectName: "chooseHint"
        width: parent.width
        visible: page.order !== null && page.order.selectedCount === 0 && page.vm !== null && page.vm.orderableCount > 0
        color: Theme.secondaryText
        text: qsTr("Choose at least one medicine.")
    }
    AppButton {
        id: continueButton
        objectName: "continueButton"
        width: parent.width
        enabled: page.order !== null && page.order.canReview
        text: !page.order || page.order.selectedCount === 0 ? qsTr("Continue")
              : page.order.selectedCount === 1 ? qsTr("Continue with 1 medicine")
              : qsTr("Continue with %1 medicines").arg(page.order.selectedCount)
        onClicked: if (page.order && page.order.canReview) page.continueRequested()
        onActiveFocusChanged: if (activeFocus) page.reveal(continueButton)
    }
}
