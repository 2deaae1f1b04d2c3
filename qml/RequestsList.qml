import QtQuick
import QtQuick.Controls.Basic

// "Your requests": every medicine asked for, grouped by request (the time it was made), newest
// first, with where each one is in words. Refused ones say why and offer "Try again".
PrescriptionsScroll {
    id: page
    property var vm: null
    property string selectedKey: ""      // wide: the request shown beside the list
    signal openRequest(string key)

    readonly property var requests: vm ? vm.requests : null
    readonly property int status: requests ? requests.status : 0
    function groupAt(i) { return page.requests && i >= 0 ? page.requests.get(i).group : "" }

    Heading {
        objectName: "requestsTitle"
        width: parent.width
        text: qsTr("Your requests")
    }
    BodyText {
        width: parent.width
        visible: page.status === 0
        color: Theme.secondaryText
        text: qsTr("Loading…")
    }
    BodyText {
        objectName: "requestsEmpty"
        width: parent.width
        visible: page.status === 1
        color: Theme.secondaryText
        text: page.requests ? page.requests.emptyText : ""
    }
    Column {
        width: parent.width
        visible: page.status === 2
        spacing: Theme.space2
        BodyText {
            width: parent.width
            text: page.requests ? page.requests.errorText : ""
        }
        AppButton {
            primary: false
            text: qsTr("Try again")
            onClicked: if (page.vm) page.vm.reload()
        }
    }

    Column {
        width: parent.width
        spacing: Theme.space2
        Repeater {
            objectName: "requestsRepeater"
            model: page.status === 3 ? page.requests : null
            delegate: Column {
                id: entry
                required property int index
                required property string key
                required property string clientId
                required property string name
                required property string statusText
                required property string statusKind
                required property string dateText
                required property string detail
                required property string refusalText
                required property bool canRetry
                required property string group
                required property string accessibleText
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
                ItemDelegate {
                    id: row
                    objectName: "request_" + entry.key
                    width: parent.width
                    implicitHeight: rowColumn.implicitHeight + 2 * Theme.space3
                    padding: 0
                    focusPolicy: Qt.StrongFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: entry.accessibleText
                    Accessible.description: qsTr("Opens the steps of this request")
                    Keys.onReturnPressed: page.openRequest(entry.key)
                    Keys.onEnterPressed: page.openRequest(entry.key)
                    onClicked: page.openRequest(entry.key)
                    onActiveFocusChanged: if (activeFocus) page.reveal(row)
                    background: Rectangle {
                        color: row.down ? Theme.tagBackground
                                        : page.selectedKey === entry.key ? Theme.infoBackground : Theme.cardBackground
                        radius: Theme.radius
                        border.color: row.visualFocus ? Theme.focus : Theme.border
                        border.width: row.visualFocus ? 3 : 1
                    }
                    contentItem: Item {
                        Column {
                            id: rowColumn
                            x: Theme.space3
                            y: Theme.space3
                            width: row.width - 2 * Theme.space3 - chevron.width - Theme.space2
                            spacing: Theme.space1
                            BodyText {
                                width: parent.width
                                text: entry.name
                                font.bold: true
                                color: Theme.link
                                Accessible.ignored: true
                            }
                            RequestStatusChip {
                                objectName: "statusChip"
                                width: Math.min(implicitWidth, parent.width)
                                kind: entry.statusKind
                                text: entry.statusText
                                Accessible.ignored: true
                            }
                            BodyText {
                                width: parent.width
                                visible: text.length > 0
                                text: entry.dateText
                                color: Theme.secondaryText
                                font.pixelSize: Theme.fontSmall
                                Accessible.ignored: true
                            }
                            BodyText {
                                width: parent.width
                                visible: text.length > 0
                                text: entry.detail
                                font.pixelSize: Theme.fontSmall
                                Accessible.ignored: true
                            }
                            BodyText {
                                objectName: "refusalText"
                                width: parent.width
                                visible: text.length > 0
                                text: entry.refusalText
                                color: Theme.flagRed
                                Accessible.ignored: true
                            }
                        }
                        Text {
                            id: chevron
                            anchors.right: parent.right
                            anchors.rightMargin: Theme.space3
                            anchors.verticalCenter: parent.verticalCenter
                            text: "›"
                            font.pixelSize: Theme.px(34)
                            color: Theme.link
                            Accessible.ignored: true
                        }
                    }
                }
                AppButton {
                    objectName: "retry_" + entry.key
                    visible: entry.canRetry
                    primary: false
                    text: qsTr("Try again")
                    Accessible.name: qsTr("Try again: %1").arg(entry.name)
                    onClicked: if (page.vm) page.vm.retry(entry.clientId)
                }
            }
        }
    }
}
