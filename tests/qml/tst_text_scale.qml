import QtQuick
import QtQuick.Window
import QtTest
import Hearth

// Text at 200% on a 360 px phone: no visible text on any shell page may be cut off. A Text either
// wraps (and no single word is wider than it) or its natural width fits.
TestCase {
    id: tc
    name: "TextScale"
    when: windowShown

    Component { id: mainComponent; Main { } }
    Component { id: controllerComponent; FakeController { } }
    Component { id: recordComponent; FakeRecord { } }
    Component { id: appearanceComponent; FakeAppearance { } }

    function cleanup() {
        Theme.textScale = 1.0;
        Theme.dark = false;
    }

    function isText(item) {
        return item.wrapMode !== undefined && item.lineCount !== undefined && item.elide !== undefined
                && item.textFormat !== undefined;
    }

    // Visible Text items whose painted text does not fit, in their own width or in the window.
    function clipped(item, page, out) {
        if (!item.visible || item.opacity === 0)
            return;
        if (isText(item) && String(item.text).length > 0 && item.width > 0) {
            const wraps = item.wrapMode !== Text.NoWrap;
            // Text that shrinks to fit (fontSizeMode) is measured as drawn.
            const shrinks = item.fontSizeMode !== Text.FixedSize;
            const fits = wraps || shrinks ? item.contentWidth <= item.width + 1 : item.implicitWidth <= item.width + 1;
            const truncated = item.truncated === true;
            if (!fits || truncated)
                out.push(page + ": \"" + String(item.text).substring(0, 40) + "\" needs " + Math.ceil(wraps ? item.contentWidth : item.implicitWidth)
                         + " px, has " + Math.floor(item.width) + (truncated ? " (truncated)" : ""));
            // Drawn past the window's right edge (e.g. a tag wider than its row).
            const left = item.mapToItem(null, 0, 0).x;
            const drawn = Math.min(item.width, wraps || shrinks ? item.contentWidth : item.implicitWidth);
            const right = left + (item.horizontalAlignment === Text.AlignHCenter ? (item.width + drawn) / 2 : drawn);
            if (left < -1 || right > item.Window.width + 1)
                out.push(page + ": \"" + String(item.text).substring(0, 40) + "\" drawn from x " + Math.round(left)
                         + " to " + Math.round(right) + " in a " + item.Window.width + " px window");
        }
        for (let i = 0; i < item.children.length; ++i)
            clipped(item.children[i], page, out);
    }

    function test_no_text_is_clipped_at_200_percent_data() {
        return [
            { tag: "light", theme: "light" },
            { tag: "dark", theme: "dark" },
        ];
    }

    function test_no_text_is_clipped_at_200_percent(data) {
        const record = createTemporaryObject(recordComponent, tc);
        record.fillSample();
        const appearance = createTemporaryObject(appearanceComponent, tc, { textScale: 2.0, theme: data.theme });
        const controller = createTemporaryObject(controllerComponent, tc, { record: record, appearance: appearance });
        controller.glossary = testGlossary;
        const win = createTemporaryObject(mainComponent, tc, { controller: controller, width: 360, height: 740 });
        compare(Theme.textScale, 2.0);
        compare(Theme.dark, data.theme === "dark");
        const problems = [];
        for (const page of win.shellPages) {
            verify(win.showPage(page));
            waitForRendering(win.contentItem);
            clipped(win.contentItem, page, problems);
        }
        compare(problems.length, 0, problems.join("\n"));
    }
}
