import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Order a repeat prescription, step 2 of 2: check the medicines, the pharmacy and the note, then
// "Send request". Sending is guarded twice: here (one press per order, whatever the keyboard or a
// double tap do) and in the order itself (it only submits while being edited).
PrescriptionsScroll {
    id: page
    property var vm: null
    signal changeMedicines()
    signal choosePharmacy()
    signal sendRequested()

    readonly property var order: vm ? vm.order : null
    readonly property var items: order ? order.selectedItems : []
    property bool submitted: false

    function send() {
        if (page.submitted || !page.order || !page.order.canSubmit || page.order.state !== 0)
            return false;
        page.submitted = true;
        page.order.submit();
        page.sendRequested();
        return true;
    }

    Connections {
        target: page.order
        // Back to editing (a failed send resumed, or a new order): the button works again.
        function onStateChanged() {
            if (page.order.state === 0)
                page.submitted = false;
        }
    }

    Heading {
        objectName: "reviewTitle"
        width: parent.width
        text: qsTr("Check your request")
    }
    BodyText {
        width: parent.width
        color: Theme.secondaryText
        text: qsTr("Step 2 of 2: check your request, then send it to your GP surgery.")
    }

    Card {
        objectName: "reviewMedicines"
        width: parent.width
        Heading {
            Layout.fillWidth: true
            level: 3
            text: qsTr("Medicines")
        }
        Repeater {
            model: page.items
            delegate: Column {
                required property var modelData
                Layout.fillWidth: true
                spacing: 2
                BodyText {
                    width: parent.width
                    text: modelData.name
                    font.bold: true
                }
                BodyText {
                    width: parent.width
                    visible: text.length > 0
                    text: [modelData.detail, modelData.quantityText].filter(s => s && s.length > 0).join(" · ")
                    color: Theme.secondaryText
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
        PrescriptionsLink {
            id: changeMedicinesLink
            objectName: "changeMedicinesLink"
            label: qsTr("Change")
            Accessible.name: qsTr("Change medicines")
            onClicked: page.changeMedicines()
            onActiveFocusChanged: if (activeFocus) page.reveal(changeMedicinesLink)
        }
    }

    Card {
        objectName: "reviewPharmacy"
        width: parent.width
        Heading {
            Layout.fillWidth: true
            level: 3
            text: qsTr("Pharmacy")
        }
        RadioButton {
            id: nominatedChoice
            objectName: "nominatedPharmacyChoice"
            Layout.fillWidth: true
            checked: page.order ? page.order.pharmacyChoice === "nominated" : true
            focusPolicy: Qt.StrongFocus
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            text: page.order && page.order.hasNominatedPharmacy
                  ? qsTr("Your nominated pharmacy: %1").arg(page.order.nominatedPharmacyText)
                  : qsTr("Your nominated pharmacy (you do not have one)")
            Accessible.name: text
            onClicked: if (page.order) page.order.pharmacyChoice = "nominated"
            onActiveFocusChanged: if (activeFocus) page.reveal(nominatedChoice)
            contentItem: BodyText {
                leftPadding: nominatedChoice.indicator.width + nominatedChoice.spacing
                text: nominatedChoice.text
                Accessible.ignored: true
            }
        }
        RadioButton {
            id: otherChoice
            objectName: "otherPharmacyChoice"
            Layout.fillWidth: true
            enabled: page.order !== null && page.order.otherPharmacyAvailable
            checked: page.order ? page.order.pharmacyChoice === "other" : false
            focusPolicy: Qt.StrongFocus
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            text: page.order && page.order.pharmacyChoice === "other" && page.order.otherPharmacyText.length > 0
                  ? qsTr("A different pharmacy this time: %1").arg(page.order.otherPharmacyText)
                  : qsTr("A different pharmacy this time")
            Accessible.name: text
            Accessible.description: enabled ? "" : (page.order ? page.order.otherPharmacyUnavailableText : "")
            onClicked: {
                if (!page.order)
                    return;
                page.order.pharmacyChoice = "other";
                page.choosePharmacy();
            }
            contentItem: BodyText {
                leftPadding: otherChoice.indicator.width + otherChoice.spacing
                text: otherChoice.text
                opacity: otherChoice.enabled ? 1 : 0.6
                Accessible.ignored: true
            }
        }
        BodyText {
            objectName: "otherPharmacyUnavailable"
            Layout.fillWidth: true
            visible: page.order !== null && !page.order.otherPharmacyAvailable
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
            text: page.order ? page.order.otherPharmacyUnavailableText : ""
        }
    }

    Card {
        objectName: "reviewNote"
        width: parent.width
        Heading {
            Layout.fillWidth: true
            level: 3
            text: qsTr("Note to your GP (optional)")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
            text: qsTr("For example, if you are going on holiday and need it sooner. Do not use this for anything urgent.")
        }
        TextArea {
            id: noteField
            objectName: "noteField"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(implicitHeight, Theme.px(110))
            wrapMode: TextEdit.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
            placeholderText: qsTr("Your note")
            placeholderTextColor: Theme.secondaryText
            text: page.order ? page.order.note : ""
            readOnly: page.order ? page.order.state !== 0 : true
            Accessible.name: qsTr("Note to your GP (optional)")
            Accessible.description: page.order ? page.order.noteCounterText : ""
            onTextChanged: if (page.order && page.order.note !== text) page.order.note = text
            onActiveFocusChanged: if (activeFocus) page.reveal(noteField)
            // Tab moves on rather than typing a tab into the note.
            KeyNavigation.priority: KeyNavigation.BeforeItem
            KeyNavigation.tab: sendButton
            background: Rectangle {
                color: Theme.cardBackground
                radius: Theme.radius
                border.color: noteField.activeFocus ? Theme.focus : page.order && page.order.noteTooLong ? Theme.flagRed : Theme.text
                border.width: noteField.activeFocus ? 3 : 2
            }
        }
        BodyText {
            objectName: "noteCounter"
            Layout.fillWidth: true
            text: page.order ? page.order.noteCounterText : ""
            color: page.order && page.order.noteTooLong ? Theme.flagRed : Theme.secondaryText
            font.bold: page.order ? page.order.noteTooLong : false
            font.pixelSize: Theme.fontSmall
        }
    }

    BodyText {
        objectName: "blockedText"
        width: parent.width
        visible: text.length > 0 && !page.submitted
        color: Theme.flagRed
        font.bold: true
        text: page.order ? page.order.blockedText : ""
    }

    AppButton {
        id: sendButton
        objectName: "sendRequestButton"
        width: parent.width
        text: qsTr("Send request")
        enabled: page.order !== null && page.order.canSubmit && !page.submitted
        Accessible.description: qsTr("Sends your request to your GP surgery")
        onClicked: page.send()
        onActiveFocusChanged: if (activeFocus) page.reveal(sendButton)
    }
}
