import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Prescriptions start page: order a repeat, your requests, your medicines, your pharmacy.
// Narrow: the whole page. Wide: the left column, with the chosen part shown beside it.
PrescriptionsScroll {
    id: hub
    property var vm: null
    property bool wide: false
    property string current: ""          // the part shown beside the hub when wide
    signal openView(string name)

    readonly property var order: vm ? vm.order : null
    readonly property int requestCount: vm && vm.requests ? vm.requests.count : 0
    readonly property int medicineCount: vm && vm.medicines ? vm.medicines.count : 0
    readonly property int orderableCount: vm ? vm.orderableCount : 0

    Heading {
        objectName: "prescriptionsTitle"
        width: parent.width
        level: hub.wide ? 2 : 1
        text: qsTr("Prescriptions")
    }

    AppButton {
        id: orderButton
        objectName: "orderRepeatButton"
        width: parent.width
        text: qsTr("Order a repeat prescription")
        Accessible.description: hub.orderableCount > 0
                                ? (hub.orderableCount === 1 ? qsTr("1 medicine you can order")
                                                             : qsTr("%1 medicines you can order").arg(hub.orderableCount))
                                : qsTr("You have no repeat medicines you can order online")
        onClicked: hub.openView("order")
        onActiveFocusChanged: if (activeFocus) hub.reveal(orderButton)
    }

    LinkCard {
        id: requestsLink
        objectName: "requestsLink"
        width: parent.width
        title: qsTr("Your requests")
        // Singular and plural spelled out: they must read well without a translation loaded.
        description: hub.requestCount === 1 ? qsTr("1 medicine requested. See where it has got to.")
                     : hub.requestCount > 1 ? qsTr("%1 medicines requested. See where each one has got to.").arg(hub.requestCount)
                     : qsTr("Follow your requests until they are ready to collect.")
        onClicked: hub.openView("requests")
        onActiveFocusChanged: if (activeFocus) hub.reveal(requestsLink)
    }

    LinkCard {
        id: medicinesLink
        objectName: "medicinesLink"
        width: parent.width
        title: qsTr("Your medicines")
        description: qsTr("Repeat prescriptions, and which ones you can order online.")
        onClicked: hub.openView("medicines")
        onActiveFocusChanged: if (activeFocus) hub.reveal(medicinesLink)
    }

    Card {
        objectName: "pharmacyCard"
        width: parent.width
        Heading {
            Layout.fillWidth: true
            level: 3
            text: qsTr("Your nominated pharmacy")
        }
        BodyText {
            objectName: "nominatedPharmacyText"
            Layout.fillWidth: true
            text: hub.order && hub.order.hasNominatedPharmacy ? hub.order.nominatedPharmacyText
                                                               : qsTr("You do not have a nominated pharmacy. Ask your GP surgery or any pharmacy to set one up.")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
            text: qsTr("Your prescriptions are sent here unless you choose another pharmacy for one order.")
        }
    }
}
