"""Full screens: the main three-pane screen, the prep sheet, help."""
