import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Greeting, the sync line and cards for what the patient can do.
ScrollPage {
    id: page
    property var controller: null
    property date now: new Date()
    signal openPage(string name)

    readonly property var record: controller ? controller.record : null
    readonly property string firstName: record && record.firstName ? record.firstName : ""
    // A background refresh while the record is shown (the state stays Ready meanwhile).
    readonly property bool syncing: controller ? controller.syncing === true : false
    // RunningLowModel (roles templateId, medication, daysLeft, message; dismiss(templateId)), if any.
    readonly property var runningLow: controller && controller.runningLow ? controller.runningLow : null
    // At most this many running-low cards; the rest are one link to Prescriptions, so Home stays calm.
    readonly property int runningLowShown: 2
    readonly property int runningLowCount: runningLow && runningLow.count !== undefined ? runningLow.count : 0

    function greeting() {
        const h = page.now.getHours();
        const part = h < 12 ? qsTr("Good morning") : h < 18 ? qsTr("Good afternoon") : qsTr("Good evening");
        return page.firstName.length > 0 ? qsTr("%1, %2").arg(part).arg(page.firstName) : part;
    }

    // Keep the greeting right if the app stays open across midday.
    Timer {
        interval: 60000
        running: page.visible
        repeat: true
        onTriggered: page.now = new Date()
    }

    Heading {
        objectName: "greeting"
        Layout.fillWidth: true
        text: page.greeting()
    }

    RowLayout {
        Layout.fillWidth: true
        Layout.topMargin: -Theme.space2
        spacing: Theme.space3
        BusyIndicator {
            objectName: "syncBusy"
            visible: page.syncing
            running: visible
            implicitWidth: 28
            implicitHeight: 28
            Accessible.name: qsTr("Updating")
        }
        BodyText {
            objectName: "syncLine"
            Layout.fillWidth: true
            color: Theme.secondaryText
            text: page.syncing ? qsTr("Updating your record…")
                               : (page.controller && page.controller.lastUpdatedText ? page.controller.lastUpdatedText : "")
        }
        AppButton {
            objectName: "syncNowButton"
            visible: !page.syncing && page.controller !== null
            primary: false
            text: qsTr("Update now")
            Accessible.name: qsTr("Update your record now")
            onClicked: page.controller.syncNow()
        }
    }

    // "Running low": a calm suggestion per medicine, never an alarm. Order goes to Prescriptions;
    // Dismiss hides it until that medicine's next issue.
    Repeater {
        objectName: "runningLowCards"
        model: page.runningLow
        delegate: Card {
            id: lowCard
            required property int index
            required property string templateId
            required property string message
            objectName: "runningLowCard_" + templateId
            visible: index < page.runningLowShown
            Layout.fillWidth: true
            Accessible.role: Accessible.Grouping
            Accessible.name: message
            BodyText {
                objectName: "runningLowText"
                Layout.fillWidth: true
                text: lowCard.message
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.space2
                AppButton {
                    objectName: "runningLowOrder"
                    text: qsTr("Order")
                    Accessible.name: qsTr("Order a repeat prescription")
                    onClicked: page.openPage("prescriptions")
                }
                AppButton {
                    objectName: "runningLowDismiss"
                    primary: false
                    text: qsTr("Dismiss")
                    Accessible.name: qsTr("Dismiss this reminder")
                    onClicked: page.runningLow.dismiss(lowCard.templateId)
                }
            }
        }
    }

    LinkCard {
        objectName: "runningLowMore"
        Layout.fillWidth: true
        readonly property int more: page.runningLowCount - page.runningLowShown
        visible: more > 0
        title: more === 1 ? qsTr("1 more medicine may be running low") : qsTr("%1 more medicines may be running low").arg(more)
        description: qsTr("See your medicines and order a repeat prescription")
        onClicked: page.openPage("prescriptions")
    }

    LinkCard {
        objectName: "recordCard"
        Layout.fillWidth: true
        title: qsTr("Your GP record")
        description: qsTr("Allergies, medicines, health problems, vaccinations and test results")
        onClicked: page.openPage("record")
    }
    LinkCard {
        objectName: "searchCard"
        Layout.fillWidth: true
        title: qsTr("Search your record")
        description: qsTr("Find a word anywhere in your record, including consultation notes and letters")
        onClicked: page.openPage("search")
    }

    Heading {
        Layout.fillWidth: true
        Layout.topMargin: Theme.space2
        level: 2
        text: qsTr("Coming soon")
    }
    LinkCard {
        Layout.fillWidth: true
        title: qsTr("Prescriptions")
        badge: qsTr("Coming soon")
        description: qsTr("Order repeat prescriptions and see when they are ready to collect.")
        onClicked: page.openPage("prescriptions")
    }
    LinkCard {
        Layout.fillWidth: true
        title: qsTr("Messages")
        badge: qsTr("Coming soon")
        description: qsTr("Read messages and letters from your GP surgery.")
        onClicked: page.openPage("messages")
    }
    // No page behind this one yet: shown, not pressable, not in the tab order.
    LinkCard {
        objectName: "appointmentsCard"
        Layout.fillWidth: true
        title: qsTr("Appointments")
        badge: qsTr("Coming soon")
        description: qsTr("Book, check or cancel appointments. Until then, contact your GP surgery.")
        enabled: false
    }
}
