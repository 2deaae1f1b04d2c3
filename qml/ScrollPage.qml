import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A vertically scrolling page whose content is a centred column no wider than Theme.contentMaxWidth.
Flickable {
    id: page
    default property alias content: column.data
    readonly property int margins: width < 600 ? Theme.space3 : Theme.space5

    contentWidth: width
    contentHeight: column.implicitHeight + 2 * margins
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { }

    ColumnLayout {
        id: column
        x: Math.max(page.margins, (page.width - Theme.contentMaxWidth) / 2)
        y: page.margins
        width: Math.min(Theme.contentMaxWidth, page.width - 2 * page.margins)
        spacing: Theme.space4
    }
}
