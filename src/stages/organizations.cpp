// The organizations stage: being written (see the issue). Until then it leaves the
// records as the rules made them.
#include "stages/stage.hpp"

namespace reportex::internal {

void resolve_organizations(StageContext&) {}

}  // namespace reportex::internal
