import QtQuick

// Stands in for hearth::AppearanceSettings.
QtObject {
    property string theme: "light"
    property real textScale: 1.0
    property bool systemDark: false
    readonly property bool dark: theme === "system" ? systemDark : theme === "dark"
    readonly property var textScales: [1.0, 1.25, 1.5, 1.75, 2.0]
    function percentText(scale) { return Math.round(scale * 100) + "%" }
}
