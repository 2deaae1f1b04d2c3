pragma Singleton
import QtQuick

// Colours, type and spacing for every page: NHS design language, light and dark.
QtObject {
    id: theme

    // Set by the app (system setting) or the patient; everything below follows.
    property bool dark: false
    // 1.0 = 18 px body text. The app maps the system text size onto this.
    property real textScale: 1.0

    // NHS palette
    readonly property color nhsBlue: "#005EB8"
    readonly property color nhsDarkBlue: "#003087"
    readonly property color warmYellow: "#FFEB3B"
    readonly property color red: "#D5281B"
    readonly property color green: "#007F3B"

    readonly property color pageBackground: dark ? "#0E1417" : "#F0F4F5"
    readonly property color cardBackground: dark ? "#1C262C" : "#FFFFFF"
    readonly property color text: dark ? "#F0F4F5" : "#212B32"
    readonly property color secondaryText: dark ? "#AEB7BD" : "#4C6272"
    readonly property color border: dark ? "#3A4750" : "#D8DDE0"
    readonly property color link: dark ? "#8CC4FF" : nhsBlue
    readonly property color accent: dark ? "#41B6E6" : nhsBlue
    readonly property color headerBackground: dark ? "#0B1F3A" : nhsBlue
    readonly property color sidebarBackground: dark ? "#0B1F3A" : nhsDarkBlue
    readonly property color focus: warmYellow
    readonly property color flagRed: dark ? "#FF8A80" : red
    readonly property color flagGreen: dark ? "#7BD38F" : green
    readonly property color flagRedBackground: dark ? "#3A1A18" : "#FBE9E7"
    readonly property color flagGreenBackground: dark ? "#16301F" : "#E5F2EA"
    readonly property color tagBackground: dark ? "#26343D" : "#E8EDEE"
    readonly property color infoBackground: dark ? "#15263A" : "#E8F1FA"

    // Frutiger where installed, else Arial, else Liberation Sans (metric-compatible with Arial).
    readonly property string fontFamily: {
        const available = Qt.fontFamilies();
        const wanted = ["Frutiger", "Arial", "Liberation Sans"];
        for (let i = 0; i < wanted.length; ++i) {
            if (available.indexOf(wanted[i]) >= 0)
                return wanted[i];
        }
        return "sans-serif";
    }

    function px(base) { return Math.round(base * textScale) }
    readonly property int fontSmall: px(16)
    readonly property int fontBody: px(18)
    readonly property int fontLead: px(20)
    readonly property int fontH3: px(21)
    readonly property int fontH2: px(25)
    readonly property int fontH1: px(31)

    // Spacing units (4 px grid)
    readonly property int space1: 4
    readonly property int space2: 8
    readonly property int space3: 16
    readonly property int space4: 24
    readonly property int space5: 32
    readonly property int space6: 48

    readonly property int touchTarget: 48      // above the 44 px minimum
    readonly property int radius: 6
    readonly property int contentMaxWidth: 760
    readonly property int wideBreakpoint: 1000
    readonly property int sidebarWidth: 264
}
