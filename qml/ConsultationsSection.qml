import QtQuick
import QtQuick.Controls.Basic

// Consultations and events, newest first; opening one shows its notes and entries.
FocusScope {
    id: root
    property var controller: null
    readonly property var sections: controller && controller.sections ? controller.sections : null
    property alias stack: stack

    function back() {
        if (stack.depth > 1) {
            stack.pop(null, StackView.Immediate);
            stack.currentItem.forceActiveFocus();
            return true;
        }
        return false;
    }
    function openEntry(resourceId) {
        if (!resourceId || !root.sections)
            return;
        while (stack.depth > 1)
            stack.pop(null, StackView.Immediate);
        stack.push(detailComponent, { detail: root.sections.consultation(resourceId) });
    }

    StackView {
        id: stack
        anchors.fill: parent
        focus: true
        initialItem: SectionListPage {
            objectName: "consultationsList"
            title: qsTr("Consultations and events")
            intro: qsTr("Appointments, calls and other contacts with your GP practice. Open one to read its notes.")
            openable: true
            model: root.sections ? root.sections.consultations : null
            updatedText: root.controller && root.controller.sectionUpdated
                         ? (root.controller.sectionUpdated["consultations"] || "") : ""
            onEntryOpened: id => root.openEntry(id)
            onRetryRequested: if (root.sections) root.sections.reload()
            onLoadMoreRequested: if (root.sections) root.sections.loadMore("consultations")
        }
    }

    Component {
        id: detailComponent
        ConsultationDetail { objectName: "consultationDetail" }
    }
}
