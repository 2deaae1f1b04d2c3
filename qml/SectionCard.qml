import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One record section (e.g. "Allergies") with its four designed states:
// loading, empty, error (with "Try again") and content. `model` is a SummaryListModel or a fake
// with the same roles and status/emptyText/errorText properties.
Card {
    id: section
    property string title
    property var model: null
    // "Updated 10 minutes ago": when this section was last brought up to date; empty hides it.
    property string updatedText: ""
    signal retryRequested()

    // SummaryListModel.Status: Loading 0, Empty 1, Error 2, Content 3. No model counts as loading.
    readonly property int status: model && model.status !== undefined ? model.status : 0
    readonly property bool hasRows: model !== null && model.count > 0

    Accessible.role: Accessible.Grouping
    Accessible.name: title

    Heading {
        objectName: "sectionTitle"
        Layout.fillWidth: true
        level: 2
        text: section.title
    }
    BodyText {
        objectName: "updatedText"
        Layout.fillWidth: true
        Layout.topMargin: -Theme.space1
        visible: text.length > 0
        text: section.updatedText
        color: Theme.secondaryText
        font.pixelSize: Theme.fontSmall
    }

    RowLayout {
        objectName: "loadingState"
        visible: section.status === 0 && !section.hasRows
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
        visible: section.status === 1
        Layout.fillWidth: true
        text: section.model && section.model.emptyText ? section.model.emptyText : qsTr("Nothing recorded")
        color: Theme.secondaryText
    }

    ColumnLayout {
        objectName: "errorState"
        visible: section.status === 2
        Layout.fillWidth: true
        spacing: Theme.space2
        BodyText {
            objectName: "errorText"
            Layout.fillWidth: true
            text: section.model && section.model.errorText ? section.model.errorText
                                                            : qsTr("We could not show this section.")
        }
        AppButton {
            objectName: "retryButton"
            text: qsTr("Try again")
            primary: false
            Accessible.name: qsTr("Try again: %1").arg(section.title)
            onClicked: section.retryRequested()
        }
    }

    Column {
        objectName: "contentState"
        // Rows stay visible while a refresh is loading, so the page never blanks.
        visible: section.hasRows && (section.status === 3 || section.status === 0)
        Layout.fillWidth: true
        Repeater {
            model: section.model
            // Roles are read through `model` so SummaryRow's own properties are not shadowed.
            delegate: SummaryRow {
                required property int index
                required property var model
                title: model.title
                detail: model.detail
                dateText: model.dateText
                flag: model.flag
                flagText: model.flagText
                accessibleText: model.accessibleText
                width: parent ? parent.width : 0
                showDivider: index > 0
            }
        }
    }
}
