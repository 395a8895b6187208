/**
 * Placement of the stage graph without JavaFX: ELK layered layout ({@link dev.stagecraft.ui.graph.layout.StageLayout}),
 * places for new nodes among placed ones ({@link dev.stagecraft.ui.graph.layout.StagePlacement}), and which old
 * stage a re-parsed stage is ({@link dev.stagecraft.ui.graph.layout.StageMatch}). Testable and benchmarkable headless.
 */
package dev.stagecraft.ui.graph.layout;
