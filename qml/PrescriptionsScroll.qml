import QtQuick
import QtQuick.Controls.Basic

// A scrolling prescriptions page: a plain Column (no layouts, so wrapping text at 200% cannot make
// polish loops) centred and no wider than Theme.contentMaxWidth. Children set width: parent.width.
Flickable {
    id: page
    default property alias content: column.data
    readonly property int margins: width < 600 ? Theme.space3 : Theme.space5
    property alias columnSpacing: column.spacing

    contentWidth: width
    contentHeight: column.implicitHeight + 2 * margins
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    activeFocusOnTab: false
    ScrollBar.vertical: ScrollBar { }

    // Keeps the focused control on screen when Tab moves through a long page.
    function reveal(item) {
        if (!item)
            return;
        const p = item.mapToItem(column, 0, 0);
        const top = p.y + page.margins;
        if (top < page.contentY)
            page.contentY = Math.max(0, top - Theme.space3);
        else if (top + item.height > page.contentY + page.height)
            page.contentY = Math.min(Math.max(0, page.contentHeight - page.height), top + item.height - page.height + Theme.space3);
    }

    Column {
        id: column
        x: Math.max(page.margins, (page.width - Theme.contentMaxWidth) / 2)
        y: page.margins
        width: Math.min(Theme.contentMaxWidth, page.width - 2 * page.margins)
        spacing: Theme.space4
    }
}
