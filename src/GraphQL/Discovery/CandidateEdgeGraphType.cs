using Friender.Application.Discovery.Common;
using Friender.GraphQL.Common;

namespace Friender.GraphQL.Discovery;

internal sealed class CandidateEdgeGraphType : EdgeGraphType<CandidateDto, CandidateGraphType>;
