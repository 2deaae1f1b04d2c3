import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// Account and app: sign out, the record's update problems, appearance (theme, text size), the
// plain-English glossary, and About (version, test mode).
ScrollPage {
    id: page
    property var controller: null
    // SyncProblemsModel (title, detail, accessibleText) or a fake with the same roles and properties.
    readonly property var problems: controller && controller.updateProblems ? controller.updateProblems : null
    readonly property int problemCount: problems && problems.count !== undefined ? problems.count : 0
    // For tests and screenshots: the confirmation shown before signing out.
    property alias signOutDialog: signOutDialog
    // AppearanceSettings (theme, textScale, textScales, percentText()) or a stand-in; null hides the card.
    readonly property var appearance: controller && controller.appearance ? controller.appearance : null
    // GlossaryViewModel or a stand-in; null hides the glossary link.
    readonly property var glossary: controller && controller.glossary ? controller.glossary : null
    // The A–Z glossary, made when first opened.
    property var glossaryBrowser: null

    function openGlossary() {
        if (!glossary)
            return null;
        if (!glossaryBrowser)
            glossaryBrowser = glossaryBrowserComponent.createObject(page, { glossary: page.glossary });
        glossaryBrowser.open();
        return glossaryBrowser;
    }

    Component {
        id: glossaryBrowserComponent
        GlossaryBrowser { }
    }

    // A radio choice in the theme's colours (Basic's own indicator ignores dark mode), ≥ 48 px tall.
    component Choice: RadioButton {
        id: choice
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touchTarget, choiceLabel.implicitHeight + 2 * Theme.space2)
        padding: 0
        spacing: Theme.space3
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        focusPolicy: Qt.StrongFocus
        Accessible.role: Accessible.RadioButton
        Accessible.name: text
        Keys.onReturnPressed: choice.toggle()
        Keys.onEnterPressed: choice.toggle()
        indicator: Rectangle {
            x: choice.leftPadding
            y: (choice.height - height) / 2
            width: 28
            height: 28
            radius: 14
            color: Theme.cardBackground
            border.color: choice.visualFocus ? Theme.focus : Theme.text
            border.width: choice.visualFocus ? 4 : 2
            Rectangle {
                anchors.centerIn: parent
                width: 14
                height: 14
                radius: 7
                color: Theme.text
                visible: choice.checked
            }
        }
        contentItem: Text {
            id: choiceLabel
            text: choice.text
            font: choice.font
            color: Theme.text
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
            leftPadding: choice.indicator.width + choice.spacing
        }
    }

    Heading {
        objectName: "pageTitle"
        Layout.fillWidth: true
        text: qsTr("More")
    }

    Card {
        Layout.fillWidth: true
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Your account")
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.controller !== null && page.controller.record && (page.controller.record.fullName || "").length > 0
            text: qsTr("Signed in as %1").arg(page.controller && page.controller.record ? page.controller.record.fullName : "")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            text: qsTr("Signing out removes your record from this device. You can sign in again at any time.")
        }
        AppButton {
            objectName: "signOutButton"
            Layout.topMargin: Theme.space2
            primary: false
            text: qsTr("Sign out")
            // Signing out wipes the record from this device, so ask first.
            onClicked: signOutDialog.open()
        }
    }

    Dialog {
        id: signOutDialog
        objectName: "signOutDialog"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        // Widths come from the page, not from the popup's own geometry: a wrapped Text sized by
        // availableWidth makes Qt 6.4 report a binding loop on the Dialog's implicitHeight.
        readonly property real boxWidth: Math.max(200, Math.min(480, page.width - 2 * Theme.space3))
        width: boxWidth
        modal: true
        focus: true
        padding: Theme.space4
        topPadding: Theme.space4
        closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
        title: qsTr("Sign out of Hearth?")

        // The safe choice has the focus: Enter or Space on it keeps the record.
        onOpened: cancelButton.forceActiveFocus(Qt.TabFocusReason)
        onAccepted: if (page.controller) page.controller.signOut()

        background: Rectangle {
            color: Theme.cardBackground
            radius: Theme.radius
            border.color: Theme.border
        }
        header: Heading {
            text: signOutDialog.title
            level: 2
            leftPadding: Theme.space4
            rightPadding: Theme.space4
            topPadding: Theme.space4
        }
        BodyText {
            id: confirmText
            objectName: "signOutDialogText"
            width: signOutDialog.boxWidth - signOutDialog.leftPadding - signOutDialog.rightPadding
            text: qsTr("This removes your GP record from this device. You can sign in again at any time.")
        }
        footer: Flow {
            leftPadding: Theme.space4
            rightPadding: Theme.space4
            bottomPadding: Theme.space4
            spacing: Theme.space3
            AppButton {
                id: confirmButton
                objectName: "confirmSignOutButton"
                text: qsTr("Sign out")
                fillColor: Theme.red
                Accessible.name: qsTr("Sign out and remove your record from this device")
                KeyNavigation.tab: cancelButton
                onClicked: signOutDialog.accept()
            }
            AppButton {
                id: cancelButton
                objectName: "cancelSignOutButton"
                primary: false
                text: qsTr("Cancel")
                Accessible.name: qsTr("Cancel, stay signed in")
                KeyNavigation.tab: confirmButton
                onClicked: signOutDialog.reject()
            }
        }
    }

    Card {
        objectName: "updatesCard"
        Layout.fillWidth: true
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Updates")
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Updates")
        }
        BodyText {
            objectName: "updatesEmpty"
            Layout.fillWidth: true
            visible: page.problemCount === 0
            // Offline, nothing could be tried: "up to date" would not be true.
            text: page.controller && page.controller.offline
                  ? qsTr("You're offline. Hearth will update your record when you're back online.")
                  : (page.problems && page.problems.emptyText ? page.problems.emptyText
                                                              : qsTr("All parts of your record are up to date."))
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.problemCount > 0
            color: Theme.secondaryText
            text: qsTr("Some parts of your record could not be updated. What is saved on this device is still shown.")
        }
        Repeater {
            objectName: "updateProblems"
            model: page.problems
            delegate: ColumnLayout {
                required property int index
                required property var model
                objectName: "updateProblem"
                Layout.fillWidth: true
                Layout.topMargin: Theme.space2
                spacing: Theme.space1
                Accessible.role: Accessible.StaticText
                Accessible.name: model.accessibleText
                Rectangle {
                    Layout.fillWidth: true
                    Layout.bottomMargin: Theme.space2
                    implicitHeight: 1
                    color: Theme.border
                }
                BodyText {
                    objectName: "problemTitle"
                    Layout.fillWidth: true
                    text: model.title
                    font.bold: true
                    Accessible.ignored: true
                }
                BodyText {
                    objectName: "problemDetail"
                    Layout.fillWidth: true
                    text: model.detail
                    Accessible.ignored: true
                }
            }
        }
    }

    Card {
        objectName: "appearanceCard"
        Layout.fillWidth: true
        visible: page.appearance !== null
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Appearance")
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("Appearance")
        }
        Heading {
            Layout.fillWidth: true
            level: 3
            text: qsTr("Colours")
        }
        ButtonGroup { id: themeGroup }
        Repeater {
            model: [
                { value: "light", label: qsTr("Light") },
                { value: "dark", label: qsTr("Dark") },
                { value: "system", label: qsTr("Match this device") }
            ]
            delegate: Choice {
                required property var modelData
                objectName: "theme_" + modelData.value
                text: modelData.label
                ButtonGroup.group: themeGroup
                checked: page.appearance !== null && page.appearance.theme === modelData.value
                onClicked: if (page.appearance) page.appearance.theme = modelData.value
            }
        }
        Heading {
            Layout.fillWidth: true
            Layout.topMargin: Theme.space2
            level: 3
            text: qsTr("Text size")
        }
        ButtonGroup { id: scaleGroup }
        Repeater {
            model: page.appearance && page.appearance.textScales ? page.appearance.textScales : []
            delegate: Choice {
                required property var modelData
                objectName: "textScale_" + Math.round(modelData * 100)
                text: page.appearance && page.appearance.percentText ? page.appearance.percentText(modelData)
                                                                      : Math.round(modelData * 100) + "%"
                ButtonGroup.group: scaleGroup
                checked: page.appearance !== null && Math.abs(page.appearance.textScale - modelData) < 0.01
                onClicked: if (page.appearance) page.appearance.textScale = modelData
            }
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            font.pixelSize: Theme.fontSmall
            text: qsTr("These choices are kept on this device.")
        }
    }

    LinkCard {
        objectName: "glossaryLink"
        Layout.fillWidth: true
        visible: page.glossary !== null
        title: qsTr("Plain English glossary")
        description: qsTr("What the abbreviations and medical words in your record mean.")
        onClicked: page.openGlossary()
    }

    Card {
        Layout.fillWidth: true
        Heading {
            Layout.fillWidth: true
            level: 2
            text: qsTr("About Hearth")
        }
        BodyText {
            objectName: "versionText"
            Layout.fillWidth: true
            text: qsTr("Version %1").arg(page.controller && page.controller.version ? page.controller.version : "")
        }
        BodyText {
            Layout.fillWidth: true
            visible: page.controller ? page.controller.sandbox === true : false
            text: qsTr("Test mode: connected to a practice server with made-up patients.")
        }
        BodyText {
            Layout.fillWidth: true
            color: Theme.secondaryText
            text: qsTr("Hearth is free, open-source software. Your record is stored encrypted on this device and is only sent to your GP surgery's server.")
        }
    }
}
