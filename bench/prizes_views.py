"""The baseline of the vote benchmark: authenticate the session, insert one row, nothing else."""

from django.http import HttpResponse, HttpResponseForbidden

from prizes.models import Vote


def baseline_insert(request, contest_id: int, category_id: int, project_id: int):
    if request.method != "POST" or not request.user.is_authenticated:
        return HttpResponseForbidden()
    Vote.objects.create(
        contest_id=contest_id,
        category_id=category_id,
        project_id=project_id,
        voter_id=request.user.pk,
    )
    return HttpResponse(status=201)
