import QtQuick
import QtQuick.Controls.Basic

// Documents and letters, newest first; opening one shows it on this device (offline).
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
        stack.push(viewerComponent, { documentId: resourceId, info: root.sections.document(resourceId) });
    }

    StackView {
        id: stack
        anchors.fill: parent
        focus: true
        initialItem: SectionListPage {
            objectName: "documentsList"
            title: qsTr("Documents and letters")
            intro: qsTr("Letters, reports and other documents your GP practice has shared. They open on this device, even offline.")
            openable: true
            model: root.sections ? root.sections.documents : null
            updatedText: root.controller && root.controller.sectionUpdated
                         ? (root.controller.sectionUpdated["documents"] || "") : ""
            onEntryOpened: id => root.openEntry(id)
            onRetryRequested: if (root.sections) root.sections.reload()
            onLoadMoreRequested: if (root.sections) root.sections.loadMore("documents")
        }
    }

    Component {
        id: viewerComponent
        DocumentViewer { objectName: "documentViewer" }
    }
}
