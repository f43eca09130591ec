# forms/: YAML form definitions and code lists, installed to $(pkgdatadir)/forms
# (doc/forms.md describes the format).  Every file is listed so it is installed
# and distributed; `bangfu forms check forms` must stay clean.
formsdir = $(pkgdatadir)/forms
dist_forms_DATA = \
	forms/category.yaml \
	forms/employment.yaml \
	forms/followup.yaml \
	forms/household.yaml \
	forms/household_member.yaml \
	forms/intention.yaml \
	forms/person.yaml \
	forms/plan.yaml \
	forms/plan_measure.yaml \
	forms/registration.yaml \
	forms/service.yaml

formsplansdir = $(pkgdatadir)/forms/plans
dist_formsplans_DATA = \
	forms/plans/grad_1311.yaml \
	forms/plans/hard_to_employ.yaml \
	forms/plans/zero_household.yaml

formslistsdir = $(pkgdatadir)/forms/lists
dist_formslists_DATA = \
	forms/lists/barrier.yaml \
	forms/lists/cancel_reason.yaml \
	forms/lists/contact_method.yaml \
	forms/lists/difficulty_category.yaml \
	forms/lists/disability_category.yaml \
	forms/lists/disability_grade.yaml \
	forms/lists/education.yaml \
	forms/lists/education_kind.yaml \
	forms/lists/employment_form.yaml \
	forms/lists/employment_state.yaml \
	forms/lists/ethnicity.yaml \
	forms/lists/exit_reason.yaml \
	forms/lists/followup_kind.yaml \
	forms/lists/followup_result.yaml \
	forms/lists/health.yaml \
	forms/lists/hukou_type.yaml \
	forms/lists/income_band.yaml \
	forms/lists/industry.yaml \
	forms/lists/marital.yaml \
	forms/lists/measure_type.yaml \
	forms/lists/occupation_major.yaml \
	forms/lists/political.yaml \
	forms/lists/post_type.yaml \
	forms/lists/referral_result.yaml \
	forms/lists/relation.yaml \
	forms/lists/sex.yaml \
	forms/lists/training_type.yaml \
	forms/lists/unemployment_reason.yaml \
	forms/lists/work_time.yaml
