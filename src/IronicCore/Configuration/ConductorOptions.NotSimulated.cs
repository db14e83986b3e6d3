using IronicCore.States;

namespace IronicCore.Configuration;

/// <content>The <c>[conductor]</c> options of Ironic that IronicCore refuses, and why.</content>
[NotSimulatedOption("log_step_flows_to_syslog", "it writes the start and end of each step flow to the conductor's log, and the simulation keeps no log.", Since = IronicRelease.Master, AnswersAsSet = true)]
[NotSimulatedOption("heartbeat_interval", "it paces a conductor's keepalive; the fleet counts a dead conductor as gone heartbeat_timeout after its death, as if its last keepalive were at that instant.")]
[NotSimulatedOption("cache_clean_up_interval", "it paces Ironic's periodic pruning of its image caches, and IronicCore keeps no image cache.")]
[NotSimulatedOption("check_allocations_interval", "it paces Ironic's periodic pick-up of allocations left by a dead conductor, and IronicCore has no allocations.")]
[NotSimulatedOption("sync_local_state_interval", "it paces Ironic's periodic take-over of the active nodes newly mapped to a conductor (_sync_local_state), which IronicCore does not run.")]
[NotSimulatedOption("node_locked_retry_attempts", "it sets how often Ironic retries a node's lock before NodeLocked; here a request first lets work due at the same virtual instant finish and meets a lock held across virtual time at once (docs/conductor.md, Locks), so no value changes an answer.")]
[NotSimulatedOption("node_locked_retry_interval", "it sets how long Ironic waits between retries of a node's lock before NodeLocked; here a request first lets work due at the same virtual instant finish and meets a lock held across virtual time at once (docs/conductor.md, Locks), so no value changes an answer.")]
[NotSimulatedOption("max_conductor_wait_step_seconds", "it caps the conductor's wait step, which never runs: master's step validation drops the reserved steps (hold, wait, power_on, power_off, reboot) from every request.", Since = IronicRelease.Release2025_1)]
[NotSimulatedOption("max_concurrent_per_conductor_group", "it makes max_concurrent_deploy and max_concurrent_clean count only the nodes of the conductor's group, and here they count every node the conductor holds, whatever its group.", Since = IronicRelease.Master)]
[NotSimulatedOption("deploy_kernel", "it names the deploy kernel of nodes whose driver_info names none; IronicCore neither checks nor fetches ramdisk images.", AnswersAsSet = true)]
[NotSimulatedOption("deploy_ramdisk", "it names the deploy ramdisk of nodes whose driver_info names none; IronicCore neither checks nor fetches ramdisk images.", AnswersAsSet = true)]
[NotSimulatedOption("verify_step_priority_override", "it overrides the priorities of verify steps, and no hardware type IronicCore runs has any (verification runs no step).")]
[NotSimulatedOption("permitted_image_formats", "it limits the image formats the conductor accepts after inspecting an image, and IronicCore inspects no image.")]
[NotSimulatedOption("disable_deep_image_inspection", "it turns off the conductor's inspection of images, and IronicCore inspects no image.")]
[NotSimulatedOption("conductor_always_validates_images", "it makes the conductor inspect every image, and IronicCore inspects no image.")]
[NotSimulatedOption("require_rescue_password_hashed", "it decides what rescue does when the agent refuses the hashed rescue password (ironic-python-agent before 6.0.0), and the simulated agent always takes it.")]
public sealed partial class ConductorOptions;
