import { m } from '$lib/paraglide/messages';
import type {
	ActivitySetting,
	LibraryTool,
	StopMotionPhase,
	StopMotionRole
} from '$lib/domain/library/vocabulary';

/** Translated names of the library's vocabularies (apart from labels.ts: not on the first page). */
export const toolLabel: Record<LibraryTool, () => string> = {
	'bee-bot': m.tool_bee_bot,
	'blue-bot': m.tool_blue_bot,
	cubetto: m.tool_cubetto,
	'robot-mouse': m.tool_robot_mouse,
	unplugged: m.tool_unplugged,
	'stop-motion': m.tool_stop_motion
};

export const settingLabel: Record<ActivitySetting, () => string> = {
	indoor: m.setting_indoor,
	outdoor: m.setting_outdoor,
	both: m.setting_both
};

export const phaseLabel: Record<StopMotionPhase, () => string> = {
	story: m.phase_story,
	storyboard: m.phase_storyboard,
	figures: m.phase_figures,
	animate: m.phase_animate,
	sound: m.phase_sound,
	show: m.phase_show
};

export const roleLabel: Record<StopMotionRole, () => string> = {
	photographer: m.role_photographer,
	buttonPresser: m.role_buttonPresser,
	animator: m.role_animator,
	sound: m.role_sound
};
