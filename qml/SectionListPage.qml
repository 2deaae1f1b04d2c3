import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A record section as a list with its four designed states (loading, empty, error with "Try again",
// content), "Updated N minutes ago", group headings and "Show more" for paged sections.
// `model` is a SectionListModel or a fake with the same roles and properties.
// Keyboard: the list takes focus, arrows move, Enter or Space opens an openable row.
FocusScope {
    id: page
    property string title
    property string intro: ""
    property var model: null
    property string updatedText: ""
    property bool openable: false
    signal entryOpened(string resourceId)
    signal retryRequested()
    signal loadMoreRequested()

    // SectionListModel.Status: Loading 0, Empty 1, Error 2, Content 3. No model counts as loading.
    readonly property int status: model && model.status !== undefined ? model.status : 0
    readonly property bool hasRows: model !== null && model.count > 0
    readonly property int margins: width < 600 ? Theme.space3 : Theme.space5
    property alias list: listView

    ListView {
        id: listView
        objectName: "sectionList"
        anchors.fill: parent
        focus: true
        clip: true
        activeFocusOnTab: true
        keyNavigationEnabled: true
        boundsBehavior: Flickable.StopAtBounds
        currentIndex: -1
        // Rows laid out before the list had its width are taller than they end up; when they
        // shrink the view keeps its old offset and opens part-way down. Until the patient
        // scrolls, stay at the top.
        property bool scrolledByPatient: false
        onMovementStarted: scrolledByPatient = true
        onWidthChanged: if (!scrolledByPatient) Qt.callLater(positionViewAtBeginning)
        onCountChanged: if (!scrolledByPatient) Qt.callLater(positionViewAtBeginning)
        model: page.hasRows && (page.status === 3 || page.status === 0) ? page.model : null
        leftMargin: Math.max(page.margins, (width - Theme.contentMaxWidth) / 2)
        rightMargin: leftMargin
        ScrollBar.vertical: ScrollBar { }
        Accessible.role: Accessible.List
        Accessible.name: page.title

        Keys.onPressed: event => {
            // The first arrow press picks the first entry (set earlier, the view would scroll the
            // heading away when the page opens).
            if ((event.key === Qt.Key_Down || event.key === Qt.Key_Up) && currentIndex < 0 && count > 0) {
                currentIndex = 0;
                event.accepted = true;
                return;
            }
            if ((event.key === Qt.Key_Return || event.key === Qt.Key_Enter || event.key === Qt.Key_Space)
                    && page.openable && currentItem) {
                page.entryOpened(currentItem.resourceId);
                event.accepted = true;
            }
        }

        header: ColumnLayout {
            width: listView.width - listView.leftMargin - listView.rightMargin
            spacing: Theme.space2
            Item { implicitHeight: page.margins - Theme.space2 }
            Heading {
                objectName: "sectionTitle"
                Layout.fillWidth: true
                text: page.title
            }
            BodyText {
                objectName: "updatedText"
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.updatedText
                color: Theme.secondaryText
                font.pixelSize: Theme.fontSmall
            }
            BodyText {
                objectName: "introText"
                Layout.fillWidth: true
                visible: text.length > 0
                text: page.intro
                color: Theme.secondaryText
            }
            RowLayout {
                objectName: "loadingState"
                visible: page.status === 0 && !page.hasRows
                Layout.fillWidth: true
                spacing: Theme.space3
                BusyIndicator {
                    running: parent.visible
                    implicitWidth: 32
                    implicitHeight: 32
                    Accessible.name: qsTr("Loading")
                }
                BodyText {
                    Layout.fillWidth: true
                    text: qsTr("Loading…")
                    color: Theme.secondaryText
                }
            }
            BodyText {
                objectName: "emptyState"
                visible: page.status === 1
                Layout.fillWidth: true
                text: page.model && page.model.emptyText ? page.model.emptyText : qsTr("Nothing recorded")
                color: Theme.secondaryText
            }
            ColumnLayout {
                objectName: "errorState"
                visible: page.status === 2
                Layout.fillWidth: true
                spacing: Theme.space2
                BodyText {
                    objectName: "errorText"
                    Layout.fillWidth: true
                    text: page.model && page.model.errorText ? page.model.errorText : qsTr("We could not show this section.")
                }
                AppButton {
                    objectName: "retryButton"
                    text: qsTr("Try again")
                    primary: false
                    Accessible.name: qsTr("Try again: %1").arg(page.title)
                    onClicked: page.retryRequested()
                }
            }
        }

        section.property: "group"
        section.criteria: ViewSection.FullString
        section.delegate: Item {
            id: sectionHeading
            required property string section
            width: listView.width - listView.leftMargin - listView.rightMargin
            height: section.length > 0 ? headingText.implicitHeight + Theme.space4 : 0
            visible: section.length > 0
            Heading {
                id: headingText
                y: Theme.space4
                width: parent.width
                level: 3
                text: sectionHeading.section
            }
        }

        delegate: SectionRow {
            id: delegateRow
            required property int index
            required property var model
            readonly property string resourceId: model.resourceId
            width: listView.width - listView.leftMargin - listView.rightMargin
            title: model.title
            detail: model.detail
            secondary: model.secondary
            dateText: model.dateText
            flag: model.flag
            flagText: model.flagText
            supported: model.supported
            accessibleText: model.accessibleText
            openable: page.openable && model.resourceId.length > 0
            // A divider between entries of one group; a group heading already separates groups.
            showDivider: index > 0 && ListView.previousSection === ListView.section
            keyboardFocus: listView.activeFocus && ListView.isCurrentItem
            onActivated: {
                listView.currentIndex = index;
                page.entryOpened(model.resourceId);
            }
        }

        footer: ColumnLayout {
            width: listView.width - listView.leftMargin - listView.rightMargin
            AppButton {
                objectName: "loadMoreButton"
                visible: page.model !== null && page.model.canLoadMore === true
                Layout.topMargin: Theme.space3
                primary: false
                text: qsTr("Show more")
                onClicked: page.loadMoreRequested()
            }
            Item { implicitHeight: page.margins }
        }
    }
}
