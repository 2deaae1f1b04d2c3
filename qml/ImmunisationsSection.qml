import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Vaccinations: the ones recorded, and for a child the NHS routine schedule with where they stand
// ("Given on …", "Not recorded", "Not due yet"), worded calmly: ask the GP practice, never alarm.
FocusScope {
    id: root
    property var controller: null
    readonly property var sections: controller && controller.sections ? controller.sections : null
    readonly property bool scheduleAvailable: sections !== null && sections.showSchedule === true
    property bool showingSchedule: false
    readonly property string updatedText: controller && controller.sectionUpdated
                                          ? (controller.sectionUpdated["immunisations"] || "") : ""

    function back() {
        if (showingSchedule) {
            showingSchedule = false;
            return true;
        }
        return false;
    }
    function openEntry(resourceId) { showingSchedule = false }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            objectName: "scheduleSwitch"
            visible: root.scheduleAvailable
            Layout.fillWidth: true
            Layout.margins: Theme.space3
            spacing: Theme.space2
            AppButton {
                objectName: "givenButton"
                text: qsTr("Vaccinations given")
                primary: !root.showingSchedule
                fillColor: Theme.nhsBlue
                onClicked: root.showingSchedule = false
            }
            AppButton {
                objectName: "scheduleButton"
                text: qsTr("Schedule")
                primary: root.showingSchedule
                fillColor: Theme.nhsBlue
                onClicked: root.showingSchedule = true
            }
        }

        SectionListPage {
            objectName: "immunisationsList"
            visible: !root.showingSchedule
            focus: !root.showingSchedule
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("Vaccinations")
            model: root.sections ? root.sections.immunisations : null
            updatedText: root.updatedText
            onRetryRequested: if (root.sections) root.sections.reload()
        }
        SectionListPage {
            objectName: "scheduleList"
            visible: root.showingSchedule
            focus: root.showingSchedule
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("NHS vaccination schedule")
            intro: qsTr("These are the vaccinations the NHS usually offers children, and what your GP record shows. Vaccinations given somewhere else, such as at school or abroad, are not always recorded here. If something looks missing or you're not sure, ask your GP practice.")
            model: root.sections ? root.sections.schedule : null
            updatedText: root.updatedText
            onRetryRequested: if (root.sections) root.sections.reload()
        }
    }
}
